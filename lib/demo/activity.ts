import { pickWeightedIndex, type Random } from "./random";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Hour slots of the window ending at `now`, with the cumulative weight used to sample them. */
export interface ActivitySlots {
  /** Start of the oldest slot; slot k covers [start + k h, start + (k + 1) h). */
  start: number;
  cumulative: Float64Array;
}

/** Relative traffic by local hour: the working day dominates, evenings trail off, nights are quiet. */
function hourWeight(localHour: number): number {
  if (localHour >= 9 && localHour < 18) return 1;
  if ((localHour >= 7 && localHour < 9) || (localHour >= 18 && localHour < 22)) return 0.4;
  return 0.1;
}

/**
 * Slots aligned to `now` (not to UTC hours) so the window is exactly `days` long and ends at now.
 * Weekends carry a third of a weekday's traffic in the org's own time zone.
 */
export function activitySlots(now: number, days: number, utcOffsetHours: number): ActivitySlots {
  const count = days * 24;
  const start = now - count * HOUR_MS;
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    const local = new Date(start + k * HOUR_MS + HOUR_MS / 2 + utcOffsetHours * HOUR_MS);
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
    total += hourWeight(local.getUTCHours()) * (weekend ? 0.33 : 1);
    cumulative[k] = total;
  }
  return { start, cumulative };
}

/** A time inside the window, drawn with the slots' weights; always one uniform draw for the slot and one inside it. */
export function sampleTime(random: Random, slots: ActivitySlots): number {
  const { cumulative, start } = slots;
  const slot = pickWeightedIndex(cumulative, random);
  return start + slot * HOUR_MS + Math.floor(random.next() * HOUR_MS);
}
