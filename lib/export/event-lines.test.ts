import { describe, expect, it } from "vitest";
import { toEventJson, type EventRecord } from "@/lib/envelope/event-json";
import { CSV_COLUMNS, eventCsvRow, eventNdjsonLine, exportPreamble } from "./event-lines";

const EVENT: EventRecord = {
  requestId: "req_8a3f2b9c1d4e",
  orgId: "org_acme",
  code: "registration.audio_too_large",
  httpStatus: 413,
  message: 'Audio is 70 MiB, "too large"\nplease shrink it',
  details: { size_bytes: 73400320, max_bytes: 52428800 },
  occurredAt: Date.parse("2026-11-26T14:02:37.000Z"),
  receivedAt: Date.parse("2026-11-26T14:02:38.000Z"),
  service: "registrations",
  method: "POST",
  path: "/v1/uploads",
  environment: "live",
  catalogFlag: null,
};

describe("CSV export lines", () => {
  it("starts with a header row naming every field of the API's event shape, in order", () => {
    expect(exportPreamble("csv")).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    expect([...CSV_COLUMNS]).toEqual(Object.keys(toEventJson(EVENT)));
  });

  it("writes one event as one record, details as JSON, times as ISO-8601", () => {
    expect(eventCsvRow(EVENT)).toBe(
      [
        "req_8a3f2b9c1d4e",
        "org_acme",
        "registration.audio_too_large",
        "413",
        '"Audio is 70 MiB, ""too large""\nplease shrink it"',
        '"{""size_bytes"":73400320,""max_bytes"":52428800}"',
        "2026-11-26T14:02:37.000Z",
        "2026-11-26T14:02:38.000Z",
        "registrations",
        "POST",
        "/v1/uploads",
        "live",
        "",
      ].join(",") + "\r\n",
    );
  });

  it("neutralises a message written to run as a formula", () => {
    expect(eventCsvRow({ ...EVENT, message: "=cmd|' /C calc'!A0" })).toContain(`,"'=cmd|' /C calc'!A0",`);
  });

  it("leaves absent fields empty", () => {
    const row = eventCsvRow({ ...EVENT, message: null, details: null, service: null, method: null, path: null, environment: null });
    expect(row).toBe("req_8a3f2b9c1d4e,org_acme,registration.audio_too_large,413,,,2026-11-26T14:02:37.000Z,2026-11-26T14:02:38.000Z,,,,,\r\n");
  });
});

describe("NDJSON export lines", () => {
  it("writes one event per line in the shape of GET /api/v1/events, with nothing before the first", () => {
    const line = eventNdjsonLine(EVENT);
    expect(exportPreamble("ndjson")).toBe("");
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(toEventJson(EVENT));
  });
});
