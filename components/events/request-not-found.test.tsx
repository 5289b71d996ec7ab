import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { storeEvents } from "@/db/queries/events";
import { setOrganizationNames } from "@/db/queries/organizations";
import { pruneExpiredEvents } from "@/db/queries/retention";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { RequestNotFound } from "./request-not-found";

/** An async server component: awaited here, its (synchronous) tree rendered. */
async function render(requestId: string): Promise<string> {
  return renderToStaticMarkup(await RequestNotFound({ requestId }));
}

setupFreshDatabasePerTest();

const STORED = "req_8a3f2c9d1e7b4a6f0c2d8e1f";

beforeEach(async () => {
  await storeEvents([storedEventInput({ requestId: STORED, occurredAt: Date.UTC(2026, 10, 1, 9, 30) })], Date.now());
});

describe("RequestNotFound", () => {
  it("offers the stored id one character away and says how far back events go", async () => {
    const html = await render("req_8a3f2c9d1e7b4a6f0c2d8e1e");
    expect(html).toContain("Did you mean");
    expect(html).toContain(`href="/requests/${STORED}"`);
    expect(html).toContain("one character different");
    expect(html).toContain("Errata keeps events for 90 days and deletes older ones");
    expect(html).toContain("The oldest event it holds happened");
    expect(html).toContain("2026-11-01T09:30:00.000Z");
  });

  it("offers the id written with another prefix", async () => {
    const html = await render("REQ_8A3F2C9D1E7B4A6F0C2D8E1F");
    expect(html).toContain(`href="/requests/${STORED}"`);
    expect(html).toContain("another prefix or letter case");
  });

  it("says when the retention deleted the id, and what the request was", async () => {
    const pruned = "req_0ld0ld0ld0ld0ld0ld0ld0ld";
    const occurredAt = Date.UTC(2026, 5, 1, 8, 15);
    await storeEvents([storedEventInput({ requestId: pruned, orgId: "org_acme_music", code: "registration.audio_too_large", httpStatus: 413, occurredAt })], Date.now());
    await setOrganizationNames([{ id: "org_acme_music", name: "Acme Music" }]);
    await pruneExpiredEvents({ before: Date.UTC(2026, 6, 1), limit: 10, prunedAt: Date.UTC(2026, 8, 2, 3, 0) });

    const html = await render(pruned);
    expect(html).toContain("This request was deleted by the 90-day retention on 2026-09-02. It was a 413 ");
    expect(html).toContain('<a href="/codes/registration.audio_too_large"><code>registration.audio_too_large</code></a>');
    expect(html).toContain('for <a href="/orgs/org_acme_music">Acme Music</a> at 2026-06-01 08:15 UTC; it still counts in the charts.');
    expect(html).not.toContain("No stored request matches");
  });
});
