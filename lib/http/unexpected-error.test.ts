import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { toApiError } from "./unexpected-error";

const sqliteError = (code: string) => new Database.SqliteError("sqlite says no", code);
/** What a failed query on PostgreSQL throws: node-postgres's error (SQLSTATE in `code`) wrapped by drizzle. */
const postgresError = (code: string) => new DrizzleQueryError("insert into events ...", [], Object.assign(new Error("postgres says no"), { code }));

describe("toApiError", () => {
  it.each([
    "SQLITE_BUSY",
    "SQLITE_BUSY_SNAPSHOT",
    "SQLITE_LOCKED",
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_PROTOCOL",
    "SQLITE_NOMEM",
  ])("maps %s to 503 common.service_unavailable with Retry-After", (code) => {
    const error = toApiError(sqliteError(code));
    expect({ status: error.status, code: error.code }).toEqual({ status: 503, code: "common.service_unavailable" });
    expect(error.headers["Retry-After"]).toBe(String(error.details.retry_after_seconds));
    expect(Number(error.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
  });

  it.each(["SQLITE_CONSTRAINT_NOTNULL", "SQLITE_ERROR", "SQLITE_CORRUPT", "SQLITE_MISMATCH"])("maps %s (a bug, not load) to 500", (code) => {
    expect(toApiError(sqliteError(code))).toMatchObject({ status: 500, code: "common.internal", details: {} });
  });

  it.each(["53100", "53300", "57P01", "08006", "40001", "40P01", "55P03", "57014", "ECONNREFUSED"])(
    "maps PostgreSQL's %s (wrapped by drizzle) to 503 common.service_unavailable",
    (code) => {
      expect(toApiError(postgresError(code))).toMatchObject({ status: 503, code: "common.service_unavailable" });
    },
  );

  it("maps a pool with no free connection in time to 503", () => {
    expect(toApiError(new Error("timeout exceeded when trying to connect")).status).toBe(503);
  });

  it.each(["23505", "23502", "42P01", "22P02"])("maps PostgreSQL's %s (a bug, not load) to 500", (code) => {
    expect(toApiError(postgresError(code))).toMatchObject({ status: 500, code: "common.internal", details: {} });
  });

  it("maps anything else to a generic 500 that reveals nothing", () => {
    const error = toApiError(new Error("secret internals"));
    expect(error).toMatchObject({ status: 500, code: "common.internal", details: {} });
    expect(error.message).not.toContain("secret");
    expect(toApiError("a string").status).toBe(500);
    expect(toApiError({ code: 42 }).status).toBe(500);
  });

  it("passes an ApiError through unchanged", () => {
    const refusal = new ApiError(429, "common.quota_exceeded", "slow down", { limit: 1 }, { "Retry-After": "1" });
    expect(toApiError(refusal)).toBe(refusal);
  });
});
