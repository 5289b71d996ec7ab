import { storeEvents } from "@/db/queries/events";
import { requestIds, type EventPool } from "./ingest-events";

/**
 * The storage ceiling: the same rows (same pool, same fresh-id scheme, batches of `batchSize`) stored
 * in this process straight through `storeEvents` — the prepared statements, indexes, organizations
 * and hourly rollups the server commits — with no HTTP, parsing, validation or redaction.
 *
 * Inserts slow down as the database outgrows SQLite's page cache, so the ceiling stores as many rows
 * as the HTTP phase it is compared with: `warmupEvents` untimed (the phase's warm-up), then
 * `measuredEvents` timed (its measured window).
 */
export async function storageCeiling(pool: EventPool, batchSize: number, warmupEvents: number, measuredEvents: number): Promise<number> {
  const nextId = requestIds("storage");
  let cursor = 0;
  const batch = () => Array.from({ length: batchSize }, () => pool.stored(cursor++, nextId()));
  for (let stored = 0; stored < warmupEvents; stored += batchSize) await storeEvents(batch(), Date.now());

  // Batches are built outside the timed span: the ceiling is storage alone.
  let stored = 0;
  let spent = 0;
  while (stored < measuredEvents) {
    const rows = batch();
    const started = performance.now();
    stored += (await storeEvents(rows, Date.now())).accepted;
    spent += performance.now() - started;
  }
  return stored / (spent / 1000);
}
