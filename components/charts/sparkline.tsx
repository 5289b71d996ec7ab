"use client";

import { Area, AreaChart, ResponsiveContainer } from "recharts";

/**
 * A tiny trend line for a table cell; the numbers themselves are in the row, so it is hidden from
 * screen readers, and recharts' keyboard layer is off (it made each hidden chart a Tab stop).
 */
export function Sparkline({ values, color = "var(--accent)" }: { values: number[]; color?: string }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <div aria-hidden style={{ width: 120, height: 28 }}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }} accessibilityLayer={false}>
          <Area type="monotone" dataKey="value" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
