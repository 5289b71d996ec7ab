import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import { getOrgTrendView, listOrgSummaries } from "@/lib/trends/org-trends";
import { findSpikes } from "@/lib/trends/spikes";
import { storeEventsAt } from "@/lib/trends/test-events";
import { captureStatements, queryPlans as explainQueryPlans, rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { dayPairCounts, rollupHours } from "./closed-rollups";
import {
  baselineCounts,
  codeMinuteCounts,
  codeRollupSeries,
  codeTopOrgs,
  firstEventAt,
  orgCodeStatusTotals,
  orgHistoryStarts,
  orgMinuteCounts,
  orgRollupSeries,
  pairsSeenInRollups,
  windowCounts,
} from "./rollups";

/*
 * SQLite's query plans (EXPLAIN QUERY PLAN) of the trend reads. PostgreSQL chooses plans by its own
 * statistics; its figures are measured in bench/, not pinned here.
 */
const onSqliteOnly = describe.skipIf(testBackend() === "postgres");

const database = setupFreshDatabasePerTest();
const NOW = Date.parse("2026-11-26T14:20:00Z");
const CURRENT_HOUR = Date.parse("2026-11-26T14:00:00Z");
const MONTH = { from: NOW - 30 * DAY_MS, to: NOW };

function queryPlans(work: () => unknown): Promise<{ sql: string; plan: string }[]> {
  return explainQueryPlans(database.db, work);
}

async function onlyPlan(work: () => unknown): Promise<string> {
  const plans = await queryPlans(work);
  expect(plans).toHaveLength(1);
  return plans[0]!.plan;
}

onSqliteOnly("rollup reads use a covering index and never touch raw events", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["org hourly series", () => orgRollupSeries("org_acme", MONTH, "hour"), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_org_hour_idx \(org_id=\? AND hour>\? AND hour<\?\)/],
    ["org daily series", () => orgRollupSeries("org_acme", MONTH, "day"), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_org_hour_idx \(org_id=\? AND hour>\? AND hour<\?\)/],
    ["org code and status totals", () => orgCodeStatusTotals("org_acme", MONTH), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_org_hour_idx \(org_id=\? AND hour>\? AND hour<\?\)/],
    ["the hours of every org", () => rollupHours({ from: CURRENT_HOUR, to: CURRENT_HOUR + HOUR_MS }, NOW), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_hour_idx \(hour>\? AND hour<\?\)/],
    ["a day of every org", () => dayPairCounts([CURRENT_HOUR - 14 * HOUR_MS], NOW), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_hour_idx \(hour>\? AND hour<\?\)/],
    ["spike baselines", () => baselineCounts([MONTH, MONTH], [{ orgId: "org_acme", code: "c" }]), /SEARCH r USING COVERING INDEX hourly_rollups_hour_idx \(hour>\? AND hour<\?\)/],
    ["first-seen check", () => pairsSeenInRollups([{ orgId: "org_acme", code: "c" }], MONTH), /SEARCH r EXISTS USING COVERING INDEX (sqlite_autoindex_hourly_rollups_1 \(org_id=\? AND code=\?|hourly_rollups_code_org_idx \(code=\? AND org_id=\?) AND hour>\? AND hour<\?\)/],
    ["history starts", () => orgHistoryStarts(["org_acme", "org_beta"]), /SEARCH hourly_rollups USING COVERING INDEX \w+ \(org_id=\?\)/],
    ["code series", () => codeRollupSeries("common.internal", MONTH, "day"), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_code_hour_idx \(code=\? AND hour>\? AND hour<\?\)/],
    ["code top orgs", () => codeTopOrgs("common.internal", MONTH, 10), /SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_code_org_idx \(code=\?\)/],
  ];

  it.each(cases)("%s", async (_label, work, expected) => {
    await storeEventsAt([{ at: NOW - HOUR_MS }]);
    await work(); // prepares what a connection prepares once (PRAGMA data_version)
    const plan = await onlyPlan(work);
    expect(plan).toMatch(expected);
    expect(plan).not.toMatch(/\bevents\b|SCAN hourly_rollups|SCAN r\b/);
  });

  it.each([
    ["code series, hourly or daily", () => codeRollupSeries("common.internal", MONTH, "day")],
    ["code top orgs", () => codeTopOrgs("common.internal", MONTH, 10)],
  ] as const)("%s: group in index order, without a temp B-tree for the GROUP BY", async (_label, work) => {
    await storeEventsAt([{ at: NOW - HOUR_MS }]);
    expect(await onlyPlan(work)).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
  });
});

onSqliteOnly("raw-event reads are bounded ranges of an index", () => {
  it.each([
    ["minute series of an org", () => orgMinuteCounts("org_acme", { from: NOW - HOUR_MS, to: NOW }), /SEARCH events USING INDEX events_org_occurred_idx \(org_id=\? AND occurred_at>\? AND occurred_at<\?\)/],
    ["minute series of a code", () => codeMinuteCounts("common.internal", { from: NOW - HOUR_MS, to: NOW }), /SEARCH events USING INDEX events_code_occurred_idx \(code=\? AND occurred_at>\? AND occurred_at<\?\)/],
    ["first event of a pair", () => firstEventAt("org_acme", "common.internal", { from: NOW - HOUR_MS, to: NOW }), /SEARCH events USING INDEX events_(org|code)_occurred_idx \((org_id|code)=\? AND occurred_at>\? AND occurred_at<\?\)/],
  ] as const)("%s", async (_label, work, expected) => {
    expect(await onlyPlan(work)).toMatch(expected);
  });

  it("exact window counts read the partial first hour through events_occurred_idx and rollups after it", async () => {
    await windowCounts({ from: NOW - DAY_MS, to: NOW });
    const [partial, rollups, ...rest] = (await queryPlans(() => windowCounts({ from: NOW - DAY_MS, to: NOW }))).map(({ plan }) => plan);
    expect(partial).toMatch(/SEARCH events USING INDEX events_occurred_idx \(occurred_at>\? AND occurred_at<\?\)/);
    // The 23 closed hours come from memory: only the current hour is read.
    expect(rollups).toMatch(/SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_hour_idx \(hour>\? AND hour<\?\)/);
    expect(rest).toEqual([]);
  });
});

onSqliteOnly("services", () => {
  it("serve hour and day trends and the orgs list without a single statement on raw events", async () => {
    await storeEventsAt([{ at: NOW - HOUR_MS }]);
    const plans = await queryPlans(async () => {
      await getOrgTrendView("org_acme", { from: NOW - 7 * DAY_MS, to: NOW }, "hour");
      await getOrgTrendView("org_acme", MONTH, "day");
      await listOrgSummaries(NOW);
    });
    expect(plans.length).toBeGreaterThanOrEqual(8);
    for (const { sql, plan } of plans) {
      expect(sql).not.toMatch(/\bevents\b/);
      expect(plan).not.toMatch(/^SCAN hourly_rollups/m);
    }
  });

  it.each(["1h", "24h"] as const)("find spikes (%s) with a handful of statements, none scanning a table", async (window) => {
    await storeEventsAt([{ at: NOW - 10 * DAY_MS }, { at: NOW - 30 * 60_000, n: 50 }, { at: NOW - 30 * 60_000, code: "common.internal", httpStatus: 500 }]);
    await findSpikes(window, NOW); // prepares what a connection prepares once (PRAGMA data_version)
    const plans = await queryPlans(() => findSpikes(window, NOW));
    expect(plans.length).toBeLessThanOrEqual(6);
    for (const { plan } of plans) expect(plan).not.toMatch(/^SCAN (events|hourly_rollups|r)\b/m);
  });

  it("read only the current hour of the rollups once the closed hours and days are in memory", async () => {
    await storeEventsAt([{ at: NOW - 30 * HOUR_MS }, { at: NOW - 3 * DAY_MS, n: 20 }, { at: NOW - 30 * 60_000, n: 50 }]);
    const services = async () => {
      await listOrgSummaries(NOW);
      await findSpikes("24h", NOW);
    };
    await services();
    const rollupReads = (await captureStatements(rawSqlite(database.db), services)).filter(({ sql }) => /from hourly_rollups\s+where hour/.test(sql));
    expect(rollupReads.map(({ params }) => params.slice(0, 2))).toEqual([
      [CURRENT_HOUR, CURRENT_HOUR + HOUR_MS],
      [CURRENT_HOUR, CURRENT_HOUR + HOUR_MS],
      [CURRENT_HOUR, CURRENT_HOUR + HOUR_MS],
    ]);
  });
});
