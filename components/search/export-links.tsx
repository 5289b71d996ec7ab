import type { EventFilter } from "@/db/queries/events";
import { exportHref } from "@/lib/export/export-link";

/**
 * Downloads of every event a list's filters select, not just the page shown. Plain links: the
 * browser saves the streamed answer itself, and the session cookie authorises it.
 */
export function ExportLinks({ filter, label = "Export these events" }: { filter: EventFilter; label?: string }) {
  return (
    <div className="toolbar" role="group" aria-label={label}>
      <a className="button" href={exportHref("csv", filter)} download>
        Download CSV
      </a>
      <a className="button" href={exportHref("ndjson", filter)} download>
        Download NDJSON
      </a>
    </div>
  );
}
