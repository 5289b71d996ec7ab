import { describe, expect, it } from "vitest";
import { findUserByEmail } from "@/db/queries/users";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { readSetupLink } from "@/lib/users/setup-links";
import type { CliIo } from "./io";
import { runCli } from "./test-support";
import { createUserCommand } from "./users";

setupFreshDatabasePerTest();

function collectingIo(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (line) => out_.push(line), err: (line) => err_.push(line) };
}

describe("errata users", () => {
  it("invites with a one-time setup link and never prints or sets a password", async () => {
    const result = await runCli("users", "create", "--email", "Ada@Example.com", "--role", "admin");
    expect(result.status).toBe(0);
    const url = result.out.find((line) => line.includes("/setup/")) ?? "";
    const token = url.slice(url.lastIndexOf("/") + 1);
    expect(await readSetupLink(token)).toMatchObject({ email: "ada@example.com", role: "admin" });
    expect(await findUserByEmail("ada@example.com")).toBeNull();
  });

  it("creates an account at once from a password on standard input", async () => {
    const io = collectingIo();
    const status = await createUserCommand(["--email", "bo@example.com", "--role", "agent", "--name", "Bo", "--password-stdin"], io, async () => "a long enough password");
    expect(status).toBe(0);
    expect(await findUserByEmail("bo@example.com")).toMatchObject({ name: "Bo", role: "agent" });
    const again = collectingIo();
    expect(await createUserCommand(["--email", "bo@example.com", "--role", "agent", "--password-stdin"], again, async () => "a long enough password")).toBe(1);
    expect(again.err_.join("\n")).toMatch(/already has an account/);
  });

  it.each([
    [["--role", "admin"], /e-mail address/],
    [["--email", "x@example.com"], /--role/],
    [["--email", "not-an-address", "--role", "admin"], /--email: Enter a valid e-mail address/],
    [["--email", "x@example.com", "--role", "owner"], /--role/],
  ])("refuses %j", async (args, message) => {
    const result = await runCli("users", "create", ...args);
    expect(result.status).toBe(1);
    expect(result.errText).toMatch(message);
  });

  it("refuses a short password from standard input", async () => {
    const io = collectingIo();
    await expect(createUserCommand(["--email", "cy@example.com", "--role", "agent", "--password-stdin"], io, async () => "short")).rejects.toThrow(/at least 10/);
  });

  it("lists users with role and status", async () => {
    expect((await runCli("users", "list")).outText).toMatch(/No users yet/);
    await createUserCommand(["--email", "di@example.com", "--role", "admin", "--password-stdin"], collectingIo(), async () => "a long enough password");
    expect((await runCli("users", "list")).outText).toMatch(/di@example\.com\s+di\s+admin\s+active/);
  });
});
