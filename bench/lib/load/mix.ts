/*
 * What the virtual clients send, and in which proportions. The order is a smooth weighted
 * round-robin (nginx's upstream algorithm) rather than random draws: every cycle of `total weight`
 * requests holds each operation exactly `weight` times, spread out rather than in runs, so a short
 * run or its warm-up sees the same mix as a long one and two runs with the same mix send the same
 * sequence.
 */

export const OPERATIONS = ["batch", "single", "lookup", "trends", "spikes"] as const;
export type Operation = (typeof OPERATIONS)[number];
export type Mix = Readonly<Record<Operation, number>>;

/**
 * Mostly writes, as an error collector sees: services send single events as they fail and batches
 * from their buffers; support agents look up ticket ids; dashboards and alerting poll trends and
 * spikes, the most expensive reads, least often.
 */
export const DEFAULT_MIX: Mix = { batch: 10, single: 45, lookup: 30, trends: 10, spikes: 5 };

function isOperation(name: string): name is Operation {
  return (OPERATIONS as readonly string[]).includes(name);
}

/** `batch=10,single=45,…`: the operations named replace the defaults' weights; 0 leaves one out. */
export function parseMix(text: string): Mix {
  const mix: Record<Operation, number> = { ...DEFAULT_MIX };
  for (const part of text.split(",").map((item) => item.trim()).filter(Boolean)) {
    const [name = "", weight = ""] = part.split("=");
    if (!isOperation(name)) throw new Error(`--mix: unknown operation "${name}" (known: ${OPERATIONS.join(", ")})`);
    const value = Number(weight);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--mix: ${name} needs a whole, non-negative weight (got "${weight}")`);
    mix[name] = value;
  }
  if (OPERATIONS.every((operation) => mix[operation] === 0)) throw new Error("--mix: at least one operation needs a weight above 0");
  return mix;
}

export function formatMix(mix: Mix): string {
  const total = OPERATIONS.reduce((sum, operation) => sum + mix[operation], 0);
  return OPERATIONS.filter((operation) => mix[operation] > 0)
    .map((operation) => `${operation} ${((mix[operation] / total) * 100).toFixed(0)} %`)
    .join(", ");
}

/** The next operation to send, shared by all clients so the mix holds across them. */
export function mixScheduler(mix: Mix): () => Operation {
  const active = OPERATIONS.filter((operation) => mix[operation] > 0);
  const total = active.reduce((sum, operation) => sum + mix[operation], 0);
  const current = new Map<Operation, number>(active.map((operation) => [operation, 0]));
  return () => {
    let chosen = active[0]!;
    for (const operation of active) {
      const credit = current.get(operation)! + mix[operation];
      current.set(operation, credit);
      if (credit > current.get(chosen)!) chosen = operation;
    }
    current.set(chosen, current.get(chosen)! - total);
    return chosen;
  };
}
