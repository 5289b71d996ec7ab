import { describe, expect, it } from "vitest";
import { formatBytes, formatList, formatSeconds, formatUtc, quote, relativeToEvent } from "./format";

describe("format helpers", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [16384, "16 KiB"],
    [52428800, "50 MiB"],
    [73400320, "70 MiB"],
    [3 * 1024 ** 3, "3 GiB"],
  ])("formatBytes(%i) = %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("formats UTC times independent of the host zone", () => {
    expect(formatUtc(Date.parse("2026-11-26T14:00:00+02:00"))).toBe("2026-11-26 12:00 UTC");
    expect(formatUtc(Date.parse("2026-11-26T14:00:05Z"))).toBe("2026-11-26 14:00:05 UTC");
  });

  it("describes times relative to the event", () => {
    const event = Date.parse("2026-11-26T11:00:00Z");
    expect(relativeToEvent(Date.parse("2026-11-26T14:00:00Z"), event)).toBe("3 hours after this error");
    expect(relativeToEvent(Date.parse("2026-11-26T10:30:00Z"), event)).toBe("30 minutes before this error");
    expect(relativeToEvent(event, event)).toBe("at the moment of this error");
  });

  it("formats lists, seconds and long quotes", () => {
    expect(formatList(["a"])).toBe("a");
    expect(formatList(["a", "b", "c"])).toBe("a, b and c");
    expect(formatSeconds(300)).toBe("5 minutes");
    expect(quote("x".repeat(500))).toHaveLength(203);
  });
});
