import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PageError from "./error";

const retry = () => {};

describe("the dashboard's error state", () => {
  it("names the problem, offers to try again and a way back to search", () => {
    const html = renderToStaticMarkup(<PageError error={new Error("boom")} retry={retry} />);
    expect(html).toContain("<h1>This page could not be shown</h1>");
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<button type="button" class="button button-primary">Try again<\/button>/);
    expect(html).toContain('href="/"');
  });

  it("shows a server error's digest as the reference to give an engineer, never its message", () => {
    const error = Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/errata.db"), { digest: "2871064920" });
    const html = renderToStaticMarkup(<PageError error={error} retry={retry} />);
    expect(html).toContain("2871064920");
    expect(html).toContain("Copy reference");
    expect(html).not.toContain("SQLITE_BUSY");
  });

  it("asks for the page's address alone when there is no reference (a thrown non-Error, or a client error)", () => {
    const html = renderToStaticMarkup(<PageError error="not an Error" retry={retry} />);
    expect(html).not.toContain("Copy reference");
    expect(html).toContain("send an engineer the address of this page.");
  });
});
