import { storeEvents } from "@/db/queries/events";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";

/** One or more identical events at one instant, for trend and spike tests. */
export interface EventsAt {
  at: number;
  orgId?: string;
  code?: string;
  httpStatus?: number;
  /** How many events; default 1. */
  n?: number;
}

let sequence = 0;

/** Stores events through the real ingest path (so rollups are written as in production); returns how many. */
export async function storeEventsAt(rows: readonly EventsAt[]): Promise<number> {
  const batch = rows.flatMap((row) =>
    Array.from({ length: row.n ?? 1 }, () =>
      storedEventInput({
        requestId: `req_trend_${(sequence += 1)}`,
        orgId: row.orgId ?? "org_acme",
        code: row.code ?? "api_key.scope_denied",
        httpStatus: row.httpStatus ?? 403,
        occurredAt: row.at,
      }),
    ),
  );
  return (await storeEvents(batch, Date.now())).accepted;
}
