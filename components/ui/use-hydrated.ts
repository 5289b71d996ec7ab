"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * True once React has hydrated the page. Forms handled in JavaScript disable their submit button
 * until then: a click before would submit natively and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
