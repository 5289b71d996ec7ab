import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { storeEvents } from "@/db/queries/events";
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
    expect(html).toContain("The oldest event Errata has stored happened");
    expect(html).toContain("2026-11-01T09:30:00.000Z");
  });

  it("offers the id written with another prefix", async () => {
    const html = await render("REQ_8A3F2C9D1E7B4A6F0C2D8E1F");
    expect(html).toContain(`href="/requests/${STORED}"`);
    expect(html).toContain("another prefix or letter case");
  });
});
