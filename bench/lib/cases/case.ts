import type { Checker } from "../check";

/** One measured answer: the service call, the same answer from raw events, and how to compare them. */
export interface Case<S, R> {
  answer: string;
  service: () => Promise<S>;
  raw: () => R;
  check: (service: S, raw: R, checker: Checker) => void;
  /** Extra observations printed under the table (e.g. where the raw time goes). */
  notes?: () => string[];
}
