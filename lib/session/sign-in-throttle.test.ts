import { describe, expect, it } from "vitest";
import { recordSignInFailure } from "@/db/queries/sign-in-failures";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { checkSignInThrottle, SIGN_IN_FAILURE_WINDOW_MS } from "./sign-in-throttle";

setupFreshDatabasePerTest();

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

describe("checkSignInThrottle", () => {
  it("locks an account after 5 failures for 15 minutes from the oldest, whatever the client", async () => {
    for (let i = 0; i < 4; i++) await recordSignInFailure("ada@example.com", `10.0.0.${i}`, T0 + i * 1000);
    expect(await checkSignInThrottle("ada@example.com", "10.0.0.9", T0 + 5000)).toEqual({ allowed: true });
    await recordSignInFailure("ada@example.com", "10.0.0.4", T0 + 4000);
    expect(await checkSignInThrottle("ada@example.com", "10.0.0.9", T0 + 5000)).toEqual({ allowed: false, retryAt: T0 + SIGN_IN_FAILURE_WINDOW_MS });
    expect(await checkSignInThrottle("bo@example.com", "10.0.0.9", T0 + 5000)).toEqual({ allowed: true });
    expect(await checkSignInThrottle("ada@example.com", "10.0.0.9", T0 + SIGN_IN_FAILURE_WINDOW_MS + 1)).toEqual({ allowed: true });
  });

  it("locks a client address after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await recordSignInFailure(`user${i}@example.com`, "203.0.113.7", T0 + i);
    expect(await checkSignInThrottle("new@example.com", "203.0.113.7", T0 + 100)).toMatchObject({ allowed: false });
    expect(await checkSignInThrottle("new@example.com", "203.0.113.8", T0 + 100)).toEqual({ allowed: true });
  });
});
