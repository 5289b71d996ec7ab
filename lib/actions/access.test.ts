import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ActionRefused } from "@/lib/session/action-guard";
import { clearRequestHeaders, setRequestHeaders } from "@/lib/testing/request-headers";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

setupFreshDatabasePerTest();

/*
 * Server actions are public POST endpoints. The list below is read from this folder, so a new
 * action is checked the day it is written: it must refuse a signed-out caller, and an agent where
 * its module is for admins, before it reads or changes anything.
 */
const PUBLIC_ACTIONS = new Set(["session.signIn", "session.signOut", "setup.completeSetup"]);
const ADMIN_MODULES = new Set(["keys", "users"]);

const folder = path.dirname(new URL(import.meta.url).pathname);
const modules = fs
  .readdirSync(folder)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => file.slice(0, -3));

async function actionsOf(name: string): Promise<[string, (...args: unknown[]) => Promise<unknown>][]> {
  const exports = (await import(/* @vite-ignore */ path.join(folder, `${name}.ts`))) as Record<string, unknown>;
  return Object.entries(exports)
    .filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function")
    .map(([exported, action]) => [`${name}.${exported}`, action]);
}

async function refusal(action: (...args: unknown[]) => Promise<unknown>): Promise<string | null> {
  try {
    await action({}, new FormData());
    return null;
  } catch (error) {
    return error instanceof ActionRefused ? error.reason : null;
  }
}

describe("every server action checks the session", () => {
  beforeEach(() => clearRequestHeaders());

  it("finds the action modules", () => {
    expect(modules).toEqual(expect.arrayContaining(["keys", "search-requests", "trends", "session", "setup"]));
  });

  it.each(modules)("%s: refuses signed-out callers, and agents where admins are needed", async (name) => {
    for (const [id, action] of await actionsOf(name)) {
      if (PUBLIC_ACTIONS.has(id)) continue;
      clearRequestHeaders();
      expect({ id, refusal: await refusal(action) }).toEqual({ id, refusal: "signed_out" });
      setRequestHeaders(await signedInHeaders("agent"));
      expect({ id, refusal: await refusal(action) }).toEqual({ id, refusal: ADMIN_MODULES.has(name) ? "forbidden" : null });
    }
  });
});
