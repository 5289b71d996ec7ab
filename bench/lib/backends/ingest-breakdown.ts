import { summarize } from "../measure";
import { captureSent } from "./plans";

/**
 * Where a PostgreSQL batch's time goes: `store` stores `batches` more batches (returning the time
 * spent inside `storeSubmissions`) while each statement it sends is timed from send to answer,
 * summed by statement. A separate pass after the measured one, so the timing hooks cost the
 * measured figure nothing.
 */
export async function postgresIngestBreakdown(store: () => Promise<number>, batches: number): Promise<string[]> {
  let inStore = 0;
  const sent = await captureSent(async () => {
    inStore = await store();
  });
  const byStatement = new Map<string, number[]>();
  for (const { text, ms } of sent) {
    const label = text.replace(/\s+/g, " ").trim().split(" (")[0]!.slice(0, 40);
    byStatement.set(label, [...(byStatement.get(label) ?? []), ms]);
  }
  const perBatch = inStore / batches;
  const total = (times: readonly number[]) => times.reduce((sum, ms) => sum + ms, 0);
  const lines = [`  ${batches} more batches: ${perBatch.toFixed(1)} ms each inside storeSubmissions, of which:`];
  for (const [label, times] of [...byStatement].sort(([, a], [, b]) => total(b) - total(a))) {
    const each = total(times) / batches;
    lines.push(`    ${each.toFixed(2).padStart(6)} ms  ${((100 * each) / perBatch).toFixed(0).padStart(3)} %  ${label} (${times.length} sent, median ${summarize(times).median.toFixed(2)} ms)`);
  }
  return lines;
}
