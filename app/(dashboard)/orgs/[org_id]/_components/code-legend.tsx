"use client";

import { colorForCode } from "@/components/charts/code-colors";

/** The chart's legend as real buttons: keyboard-reachable, and each says whether its code is shown. */
export function CodeLegend({ codes, hidden, onToggle }: { codes: string[]; hidden: string[]; onToggle: (code: string) => void }) {
  return (
    <ul className="legend" aria-label="Codes shown in the chart">
      {codes.map((code) => (
        <li key={code}>
          <button type="button" aria-pressed={!hidden.includes(code)} onClick={() => onToggle(code)} title="Show or hide this code">
            <span className="swatch" style={{ background: colorForCode(code) }} aria-hidden />
            {code}
          </button>
        </li>
      ))}
    </ul>
  );
}
