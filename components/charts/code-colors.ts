/** Distinct, colour-blind-friendly hues (Okabe–Ito and Tableau), readable on light and dark backgrounds. */
const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#0072b2", "#d55e00", "#cc79a7", "#009e73", "#56b4e9", "#e69f00",
];

/** A colour per code that stays the same across pages and reloads (derived from the code, not its rank). */
export function colorForCode(code: string): string {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#888888";
}
