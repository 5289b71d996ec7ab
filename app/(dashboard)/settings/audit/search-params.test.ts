import { describe, expect, it } from "vitest";
import { AUDIT_PATH, loadAuditParams, serializeAuditView } from "./search-params";

describe("audit log URL state", () => {
  it("round-trips filters and the page cursor", () => {
    const href = serializeAuditView(AUDIT_PATH, { actor: "erk_ab12cd34", request_id: "req_8a3f", before: { viewedAt: 1_795_701_600_000, id: 42 } });
    expect(href).toBe("/settings/audit?actor=erk_ab12cd34&request_id=req_8a3f&before=1795701600000.42");
    expect(loadAuditParams(href.slice(href.indexOf("?")))).toEqual({ actor: "erk_ab12cd34", request_id: "req_8a3f", before: { viewedAt: 1_795_701_600_000, id: 42 } });
  });

  it("leaves empty filters out of links", () => {
    expect(serializeAuditView(AUDIT_PATH, { actor: "", request_id: "", before: null })).toBe("/settings/audit");
  });

  it("reads a malformed cursor as the first page", () => {
    for (const before of ["", "42", "1.2.3", "-1.2", "abc.def", "1".repeat(20) + ".1"]) {
      expect(loadAuditParams(`?before=${before}`).before).toBeNull();
    }
  });
});
