/**
 * A stand-in for `next/headers` in tests of server actions and server components: `headers()`
 * returns what the test last set with `setRequestHeaders`, and `cookies()` reads and records the
 * cookie header of those same headers. Use with `vi.mock("next/headers", () => import("@/lib/testing/request-headers"))`.
 */
let current = new Headers();

export function setRequestHeaders(headers: Headers): void {
  current = headers;
}

export function clearRequestHeaders(): void {
  current = new Headers();
}

export async function headers(): Promise<Headers> {
  return current;
}

function parseCookies(): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (current.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) jar.set(name, rest.join("="));
  }
  return jar;
}

export async function cookies() {
  return {
    get: (name: string) => {
      const value = parseCookies().get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...parseCookies()].map(([name, value]) => ({ name, value })),
    has: (name: string) => parseCookies().has(name),
    // better-auth's nextCookies plugin sets cookies after sign-in; the tests read them from the response instead.
    set: () => undefined,
    delete: () => undefined,
  };
}
