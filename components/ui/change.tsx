/** A relative change as "+35 %" / "−12 %" / "new"; for errors, up is bad, so it is coloured as a warning. */
export function Change({ change, previous }: { change: number | null; previous: number }) {
  if (change === null) return <span className="muted">{previous === 0 ? "new" : "—"}</span>;
  const percent = Math.round(change * 100);
  if (percent === 0) return <span className="muted">±0 %</span>;
  const label = `${percent > 0 ? "+" : "−"}${Math.abs(percent).toLocaleString("en")} %`;
  return <span className={percent > 0 ? "change-up" : "change-down"}>{label}</span>;
}
