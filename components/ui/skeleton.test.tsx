import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormAndTableSkeleton, PageSkeleton, SkeletonCard, SkeletonRows } from "./skeleton";

describe("PageSkeleton", () => {
  const html = renderToStaticMarkup(
    <PageSkeleton label="Loading organizations" breadcrumb>
      <SkeletonCard>
        <SkeletonRows rows={3} columns={4} />
      </SkeletonCard>
    </PageSkeleton>,
  );

  it("announces once what is loading, as a busy status", () => {
    expect(html).toMatch(/^<div role="status" aria-busy="true"><span class="visually-hidden">Loading organizations…<\/span>/);
  });

  it("hides every placeholder block from assistive technology", () => {
    const hidden = html.slice(html.indexOf('aria-hidden="true"'));
    expect(html.indexOf('class="skeleton"')).toBeGreaterThan(html.indexOf('aria-hidden="true"'));
    // breadcrumb, title, one lede line, the card's title, then 3 rows of 4 cells
    expect(hidden.match(/class="skeleton"/g)?.length).toBe(4 + 3 * 4);
  });

  it("has no headings or controls of its own, so it never competes with the page that replaces it", () => {
    expect(html).not.toMatch(/<(h[1-6]|a|button|input)\b/);
  });
});

describe("FormAndTableSkeleton", () => {
  it("draws the requested number of table columns", () => {
    const html = renderToStaticMarkup(<FormAndTableSkeleton label="Loading API keys" columns={8} />);
    expect(html).toContain("Loading API keys…");
    expect(html).toContain("grid-template-columns:repeat(8, minmax(0, 1fr))");
  });
});
