import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell (RFC 4180)", () => {
  it.each([
    ["plain text as is", "registration.audio_too_large", "registration.audio_too_large"],
    ["a number as a number", 413, "413"],
    ["null as an empty field", null, ""],
    ["an empty string as an empty field", "", ""],
    ["a comma quoted", "a, b", '"a, b"'],
    ["quotes doubled inside quotes", 'say "hi"', '"say ""hi"""'],
    ["a line feed quoted", "line 1\nline 2", '"line 1\nline 2"'],
    ["a CRLF quoted", "line 1\r\nline 2", '"line 1\r\nline 2"'],
    ["JSON quoted with its quotes doubled", '{"max_bytes":52428800}', '"{""max_bytes"":52428800}"'],
    ["non-ASCII as is", "Überweisung fehlgeschlagen – 😕", "Überweisung fehlgeschlagen – 😕"],
  ])("writes %s", (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("csvCell against spreadsheet formulas (CSV injection)", () => {
  it.each([
    ["=", "=HYPERLINK(\"https://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\""],
    ["+", "+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\""],
    ["-", "-2+3", "\"'-2+3\""],
    ["@", "@SUM(A1:A9)", "\"'@SUM(A1:A9)\""],
    ["a tab", "\t=1+1", "\"'\t=1+1\""],
    ["a carriage return", "\r=1+1", "\"'\r=1+1\""],
  ])("neutralises text starting with %s by a leading quote", (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves those characters alone inside text, and numbers alone", () => {
    expect(csvCell("a=b+c-d@e")).toBe("a=b+c-d@e");
    expect(csvCell(-1)).toBe("-1");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends the record with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
