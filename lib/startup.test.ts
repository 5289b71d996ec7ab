import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { createUser } from "@/lib/users/create-user";
import { readSetupLink } from "@/lib/users/setup-links";
import { announceStartup } from "./startup";

setupFreshDatabasePerTest();

afterEach(() => vi.restoreAllMocks());

function loggedSetupLinks(info: ReturnType<typeof vi.spyOn>): string[] {
  return info.mock.calls
    .map((call: unknown[]) => call[0])
    .filter((first: unknown): first is { setup_link: string } => typeof first === "object" && first !== null && "setup_link" in first)
    .map((first: { setup_link: string }) => first.setup_link);
}

describe("announceStartup", () => {
  it.skipIf(testBackend() === "postgres")("on SQLite, prints a one-time first-admin link while nobody has an account, a fresh one each start", async () => {
    const info = vi.spyOn(logger, "info");
    await announceStartup();
    await announceStartup();
    const links = loggedSetupLinks(info);
    expect(links).toHaveLength(2);
    const [first, second] = links.map((url) => url.slice(url.lastIndexOf("/") + 1));
    expect(await readSetupLink(first ?? "")).toBeNull();
    expect(await readSetupLink(second ?? "")).toMatchObject({ email: null, role: "admin" });
  });

  it.skipIf(testBackend() === "sqlite")(
    "on PostgreSQL, instances starting together print one link: the others say when it was issued instead of replacing it",
    async () => {
      const info = vi.spyOn(logger, "info");
      await Promise.all([announceStartup(), announceStartup(), announceStartup()]);
      const links = loggedSetupLinks(info);
      expect(links).toHaveLength(1);
      expect(await readSetupLink(links[0]!.slice(links[0]!.lastIndexOf("/") + 1))).toMatchObject({ email: null, role: "admin" });
      const pointers = info.mock.calls.filter((call: unknown[]) => String(call[1] ?? "").includes("A first-admin link was issued at"));
      expect(pointers).toHaveLength(2);
    },
  );

  it("prints no link once a user exists", async () => {
    await createUser({ email: "ada@example.com", name: "Ada", password: "a long password", role: "admin" });
    const info = vi.spyOn(logger, "info");
    await announceStartup();
    expect(loggedSetupLinks(info)).toEqual([]);
  });
});
