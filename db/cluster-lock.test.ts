import { describe, expect, it } from "vitest";
import { onTestServer } from "@/lib/testing/postgres-test-server";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { withClusterLock } from "./cluster-lock";

const database = setupFreshDatabasePerTest();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("cluster lock", () => {
  it("runs one holder at a time in a process, in call order, and survives a failing holder", async () => {
    const steps: string[] = [];
    const holder = (name: string, fail = false) =>
      withClusterLock("test.lock", async () => {
        steps.push(`${name} in`);
        await pause(20);
        steps.push(`${name} out`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([holder("a"), holder("b", true), holder("c")]);
    expect(steps).toEqual(["a in", "a out", "b in", "b out", "c in", "c out"]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it.skipIf(testBackend() !== "postgres")("waits while another instance holds it (PostgreSQL advisory lock)", async () => {
    expect(database.dialect).toBe("postgres");
    let ran = false;
    await onTestServer(async (otherInstance) => {
      await otherInstance.query("select pg_advisory_lock(hashtext('errata.test.shared'))");
      const waiting = withClusterLock("test.shared", async () => {
        ran = true;
      });
      await pause(300);
      expect(ran).toBe(false);
      await otherInstance.query("select pg_advisory_unlock(hashtext('errata.test.shared'))");
      await waiting;
      expect(ran).toBe(true);
    });
  });
});
