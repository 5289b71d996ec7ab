import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { findEventByRequestId, storeEvents } from "@/db/queries/events";
import { logger } from "@/lib/log";
import { withoutTables } from "@/lib/testing/handler-fixtures";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { RequestContextCard } from "./request-context-card";

const database = setupFreshDatabasePerTest();
const MINUTE = 60_000;

beforeAll(() => {
  logger.level = "silent";
});

/** The card is an async server component: awaited here, its (synchronous) tree rendered. */
async function renderCard(requestId: string): Promise<string> {
  const event = await findEventByRequestId(requestId);
  if (!event) throw new Error("not stored");
  return renderToStaticMarkup(await RequestContextCard({ event }));
}

function storeAround(now: number) {
  const at = (requestId: string, minutesFromNow: number, code = "registration.audio_too_large", orgId = "org_ctx") =>
    storedEventInput({ requestId, orgId, code, httpStatus: 413, occurredAt: now + minutesFromNow * MINUTE });
  return storeEvents(
    [
      at("req_ctx_self", -30),
      at("req_ctx_5_before", -35, "common.quota_exceeded"),
      at("req_ctx_20_before", -50),
      at("req_ctx_other_org", -31, "registration.audio_too_large", "org_elsewhere"),
      at("req_ctx_2_days", -2 * 24 * 60),
    ],
    now,
  );
}

describe("RequestContextCard", () => {
  it("lists the organization's errors within 15 minutes with the request marked, its week, and the spike check", async () => {
    await storeAround(Date.now());
    const html = await renderCard("req_ctx_self");
    expect(html).toContain('href="/requests/req_ctx_5_before"');
    expect(html).toContain("5 min before");
    expect(html).not.toContain("req_ctx_20_before");
    expect(html).not.toContain("req_ctx_other_org");
    expect(html).toMatch(/aria-current="true"[^>]*>[\s\S]*?This request[\s\S]*?req_ctx_self/);

    expect(html).toMatch(/<strong[^>]*>3<\/strong> times for this organization, this request included/);
    const chart = /href="(\/orgs\/org_ctx\?[^"]*)">Chart of this code/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    const params = new URLSearchParams(chart?.split("?")[1]);
    expect(params.get("range")).toBe("custom");
    expect(params.get("hidden")).toBe("common.quota_exceeded");
    expect(html).toContain("/orgs/org_ctx/events?from=");

    expect(html).toContain("No current spike");
  });

  it("says the context could not be loaded, and nothing else, when its queries fail", async () => {
    await storeAround(Date.now());
    const html = await withoutTables(database.database, ["hourly_rollups"], () => renderCard("req_ctx_self"));
    expect(html).toContain('role="alert"');
    expect(html).toContain("could not be loaded");
    expect(html).not.toContain("req_ctx_5_before");
  });
});
