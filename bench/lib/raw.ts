import type Database from "better-sqlite3";
import type { TimeRange } from "@/lib/trends/types";

/*
 * The same answers from the raw events table with plain GROUP BYs and the app's own indexes on
 * events, no rollups: what the dashboard would cost without hourly_rollups. Widths are inlined
 * so the GROUP BY expression is the SELECT's.
 */

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface CodeTimeCount {
  code: string;
  httpStatus: number;
  t: number;
  n: number;
}

export interface OrgCodeTimeCount {
  orgId: string;
  code: string;
  t: number;
  n: number;
}

export interface WindowRow {
  orgId: string;
  code: string;
  httpStatus: number;
  n: number;
  first: number;
}

export class RawQueries {
  private readonly statements: Record<string, Database.Statement>;

  constructor(private readonly sqlite: Database.Database) {
    const prepare = (sql: string) => sqlite.prepare(sql);
    this.statements = {
      orgHourly: prepare(
        `SELECT code, (occurred_at / ${HOUR}) * ${HOUR} AS t, count(*) AS n FROM events
         WHERE org_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY code, t`,
      ),
      orgHourlyStatus: prepare(
        `SELECT code, http_status AS httpStatus, (occurred_at / ${HOUR}) * ${HOUR} AS t, count(*) AS n FROM events
         WHERE org_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY code, http_status, t`,
      ),
      orgDailyStatus: prepare(
        `SELECT code, http_status AS httpStatus, (occurred_at / ${DAY}) * ${DAY} AS t, count(*) AS n FROM events
         WHERE org_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY code, http_status, t`,
      ),
      allOrgsHourly: prepare(
        `SELECT org_id AS orgId, code, (occurred_at / ${HOUR}) * ${HOUR} AS t, count(*) AS n FROM events
         WHERE occurred_at >= ? AND occurred_at < ? GROUP BY org_id, code, t`,
      ),
      allOrgsDaily: prepare(
        `SELECT org_id AS orgId, code, (occurred_at / ${DAY}) * ${DAY} AS t, count(*) AS n FROM events
         WHERE occurred_at >= ? AND occurred_at < ? GROUP BY org_id, code, t`,
      ),
      windowCounts: prepare(
        `SELECT org_id AS orgId, code, http_status AS httpStatus, count(*) AS n, min(occurred_at) AS first FROM events
         WHERE occurred_at >= ? AND occurred_at < ? GROUP BY org_id, code, http_status`,
      ),
      pairsSeen: prepare(`SELECT org_id AS orgId, code FROM events WHERE occurred_at >= ? AND occurred_at < ? GROUP BY org_id, code`),
      orgFirstEvent: prepare(`SELECT min(occurred_at) FROM events WHERE org_id = ?`),
      codeHourly: prepare(
        `SELECT org_id AS orgId, code, (occurred_at / ${HOUR}) * ${HOUR} AS t, count(*) AS n FROM events
         WHERE code = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY org_id, t`,
      ),
      codeDaily: prepare(
        `SELECT org_id AS orgId, code, (occurred_at / ${DAY}) * ${DAY} AS t, count(*) AS n FROM events
         WHERE code = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY org_id, t`,
      ),
      organizations: prepare(`SELECT id, name FROM organizations`),
    };
  }

  private all<T>(name: string, ...params: unknown[]): T[] {
    const statement = this.statements[name];
    if (!statement) throw new Error(`no statement ${name}`);
    return statement.all(...params) as T[];
  }

  /** Exactly the brief's baseline: codes per hour of one organization. */
  orgHourly(orgId: string, range: TimeRange): { code: string; t: number; n: number }[] {
    return this.all("orgHourly", orgId, range.from, range.to);
  }

  orgByStatus(orgId: string, range: TimeRange, bucket: "hour" | "day"): CodeTimeCount[] {
    return this.all(bucket === "hour" ? "orgHourlyStatus" : "orgDailyStatus", orgId, range.from, range.to);
  }

  allOrgsHourly(range: TimeRange): OrgCodeTimeCount[] {
    return this.all("allOrgsHourly", range.from, range.to);
  }

  allOrgsDaily(range: TimeRange): OrgCodeTimeCount[] {
    return this.all("allOrgsDaily", range.from, range.to);
  }

  windowCounts(range: TimeRange): WindowRow[] {
    return this.all("windowCounts", range.from, range.to);
  }

  pairsSeen(range: TimeRange): { orgId: string; code: string }[] {
    return this.all("pairsSeen", range.from, range.to);
  }

  orgFirstEvent(orgId: string): number | null {
    return this.statements.orgFirstEvent!.pluck().get(orgId) as number | null;
  }

  code(code: string, range: TimeRange, bucket: "hour" | "day"): OrgCodeTimeCount[] {
    return this.all(bucket === "hour" ? "codeHourly" : "codeDaily", code, range.from, range.to);
  }

  organizations(): { id: string; name: string | null }[] {
    return this.all("organizations");
  }
}
