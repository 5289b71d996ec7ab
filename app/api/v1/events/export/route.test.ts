import { describe, expect, it } from "vitest";
import { storeEvents } from "@/db/queries/events";
import { CSV_COLUMNS } from "@/lib/export/event-lines";
import { EXPORT_PAGE_SIZE } from "@/lib/export/export-response";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { GET } from "./route";

const EXPORT_URL = `${BASE_URL}/api/v1/events/export`;
const T0 = Date.UTC(2026, 10, 26, 10);

const handler = setupHandlerTests(async () => {
  await storeEvents(
    [
      storedEventInput({ requestId: "req_exp_1", orgId: "org_acme", code: "common.internal", httpStatus: 500, occurredAt: T0, message: "=1+1" }),
      storedEventInput({ requestId: "req_exp_2", orgId: "org_beta", code: "common.quota_exceeded", httpStatus: 429, occurredAt: T0 + 1000, service: "billing" }),
      storedEventInput({ requestId: "req_exp_3", orgId: "org_acme", code: "common.quota_exceeded", httpStatus: 429, occurredAt: T0 + 2000, message: 'quota "monthly", reached' }),
    ],
    T0 + 5000,
  );
});

function get(query: string, key: string | null = handler.keys.read) {
  return GET(new Request(`${EXPORT_URL}${query}`, { headers: key ? bearer(key) : {} }), routeContext());
}

function csvIds(text: string): string[] {
  return text
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",")[0]!);
}

describe("GET /api/v1/events/export", () => {
  it("downloads CSV: header row, every matching event newest first, quoted and neutralised", async () => {
    const response = await get("?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="errata-events-\d{8}T\d{6}Z\.csv"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe("request_id,org_id,code,http_status,message,details,occurred_at,received_at,service,method,path,environment,catalog_flag");
    expect(csvIds(text)).toEqual(["req_exp_3", "req_exp_2", "req_exp_1"]);
    expect(text).toContain(`,"quota ""monthly"", reached",`);
    expect(text).toContain(`,"'=1+1",`);
  });

  it("downloads NDJSON in the shape of GET /api/v1/events, one event per line", async () => {
    const response = await get("?format=ndjson&org_id=org_acme");
    expect(response.headers.get("Content-Type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="errata-events-org_acme-\d{8}T\d{6}Z\.ndjson"/);
    const lines = (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.request_id)).toEqual(["req_exp_3", "req_exp_1"]);
    // The same fields, in the same order, as GET /api/v1/events and the CSV columns.
    expect(Object.keys(lines[0]!)).toEqual([...CSV_COLUMNS]);
    expect(lines[1]).toMatchObject({ org_id: "org_acme", http_status: 500, occurred_at: new Date(T0).toISOString() });
  });

  it.each([
    ["code", "&code=common.quota_exceeded", ["req_exp_3", "req_exp_2"]],
    ["http_status", "&http_status=500", ["req_exp_1"]],
    ["service", "&service=billing", ["req_exp_2"]],
    ["from and to", `&from=${T0 + 1000}&to=${new Date(T0 + 2000).toISOString()}`, ["req_exp_2"]],
    ["q", "&q=monthly", ["req_exp_3"]],
    ["request_id_prefix", "&request_id_prefix=req_exp_1", ["req_exp_1"]],
    ["nothing matching", "&org_id=org_nobody", []],
  ])("takes the list's filter %s", async (_label, query, ids) => {
    expect(csvIds(await (await get(`?format=csv${query}`)).text())).toEqual(ids);
  });

  it("pages through more events than one page holds, in order and without repeats", async () => {
    const many = Array.from({ length: EXPORT_PAGE_SIZE * 2 + 7 }, (_, n) =>
      storedEventInput({ requestId: `req_many_${String(n).padStart(5, "0")}`, orgId: "org_many", occurredAt: T0 + 10_000 + Math.floor(n / 3) }),
    );
    await storeEvents(many, T0 + 20_000);
    const response = await get("?format=ndjson&org_id=org_many");
    const ids = (await response.text()).split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { request_id: string }).request_id);
    // Newest first, ties in reverse order of storage: exactly the stored order reversed, nothing repeated or lost.
    expect(ids).toEqual(many.map((event) => event.requestId).reverse());
  });

  it("writes CSV when no format is named", async () => {
    const response = await get("");
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(csvIds(await response.text())).toEqual(["req_exp_3", "req_exp_2", "req_exp_1"]);
  });

  it("answers the body as a stream, not a buffered string", async () => {
    const response = await get("?format=csv");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^request_id,/);
    await reader.cancel();
  });

  it.each([
    ["an unknown format", "?format=xlsx", "format"],
    ["a bad status", "?format=csv&http_status=42", "http_status"],
    ["a bad time", "?format=csv&from=yesterday", "from"],
    ["to before from", "?format=csv&from=2000&to=1000", "to"],
  ])("refuses %s with 422 naming the field", async (_label, query, field) => {
    const body = await expectEnvelope(await get(query), 422, "common.validation_failed");
    expect((body.details.fields as { path: string }[]).map((problem) => problem.path)).toEqual([field]);
  });

  it("needs a read key: 401 without one, 403 with an ingest-only key", async () => {
    await expectEnvelope(await get("?format=csv", null), 401, "common.unauthorized");
    await expectEnvelope(await get("?format=csv", handler.keys.ingest), 403, "auth.scope_denied");
  });
});
