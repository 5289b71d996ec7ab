import type { CSSProperties, ReactNode } from "react";

/*
 * Loading skeletons: grey blocks shaped like the page that is coming, so the layout does not jump
 * when it arrives. The blocks are hidden from assistive technology; the wrapper announces once
 * what is loading. The pulse stops for people who ask for reduced motion (app/globals.css).
 */

/** Varied but stable line widths, so text placeholders do not look like a bar chart. */
const LINE_WIDTHS = ["92%", "78%", "85%", "64%", "88%", "71%"];

export function SkeletonBlock({ width = "100%", height = "1em", style }: { width?: string; height?: string; style?: CSSProperties }) {
  return <span className="skeleton" style={{ width, height, ...style }} />;
}

export function SkeletonLines({ lines = 2 }: { lines?: number }) {
  return (
    <span className="skeleton-lines">
      {Array.from({ length: lines }, (_, index) => (
        <SkeletonBlock key={index} width={LINE_WIDTHS[index % LINE_WIDTHS.length]} />
      ))}
    </span>
  );
}

/** Rows of a table or a result list: a few cells of different widths per row. */
export function SkeletonRows({ rows = 5, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <span className="skeleton-rows">
      {Array.from({ length: rows }, (_, row) => (
        <span key={row} className="skeleton-row" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
          {Array.from({ length: columns }, (_, column) => (
            <SkeletonBlock key={column} width={LINE_WIDTHS[(row + column) % LINE_WIDTHS.length]} />
          ))}
        </span>
      ))}
    </span>
  );
}

/** A card with a title bar and whatever stands in for its content (text lines by default). */
export function SkeletonCard({ children, titleWidth = "30%" }: { children?: ReactNode; titleWidth?: string }) {
  return (
    <span className="card skeleton-card">
      <SkeletonBlock width={titleWidth} height="1.2em" />
      {children ?? <SkeletonLines lines={3} />}
    </span>
  );
}

/** A chart's plot area. */
export function SkeletonChart({ height = "200px" }: { height?: string }) {
  return <SkeletonBlock height={height} />;
}

/** The page header: optional breadcrumb, the title and a lede. */
function SkeletonHeader({ breadcrumb, lede }: { breadcrumb: boolean; lede: number }) {
  return (
    <span className="page-header">
      {breadcrumb ? <SkeletonBlock width="14em" height="0.85em" /> : null}
      <SkeletonBlock width="min(18em, 70%)" height="1.6rem" />
      {lede > 0 ? <SkeletonLines lines={lede} /> : null}
    </span>
  );
}

/**
 * A whole page while it loads: `label` is what a screen reader hears ("Loading organizations"),
 * the children are the page's cards in skeleton form.
 */
export function PageSkeleton({ label, breadcrumb = false, lede = 1, children }: { label: string; breadcrumb?: boolean; lede?: number; children: ReactNode }) {
  return (
    <div role="status" aria-busy="true">
      <span className="visually-hidden">{label}…</span>
      <span className="skeleton-page" aria-hidden="true">
        <SkeletonHeader breadcrumb={breadcrumb} lede={lede} />
        {children}
      </span>
    </div>
  );
}

/** The settings pages' shape: a breadcrumb, a form or filter card above a table. */
export function FormAndTableSkeleton({ label, columns }: { label: string; columns: number }) {
  return (
    <PageSkeleton label={label} breadcrumb lede={2}>
      <SkeletonCard titleWidth="10em">
        <SkeletonRows rows={2} columns={3} />
      </SkeletonCard>
      <SkeletonCard titleWidth="8em">
        <SkeletonRows rows={6} columns={columns} />
      </SkeletonCard>
    </PageSkeleton>
  );
}
