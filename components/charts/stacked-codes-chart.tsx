"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket, TrendPoint } from "@/lib/trends/types";
import { colorForCode } from "./code-colors";
import { bucketLabel, bucketRangeLabel } from "./time-labels";

interface Props {
  series: TrendPoint[];
  bucket: Bucket;
  /** Codes to draw, largest first (stack order). */
  codes: string[];
  /** Opens the events behind one bar segment. */
  onSegmentClick?: (t: number, code: string) => void;
  height?: number;
}

interface TooltipEntry {
  dataKey?: string | number;
  value?: number | string;
  color?: string;
}

function CountsTooltip({ active, payload, label, bucket }: { active?: boolean; payload?: TooltipEntry[]; label?: number; bucket: Bucket }) {
  if (!active || !payload || label === undefined) return null;
  const rows = payload.filter((entry) => Number(entry.value) > 0).sort((a, b) => Number(b.value) - Number(a.value));
  const total = rows.reduce((sum, entry) => sum + Number(entry.value), 0);
  return (
    <div className="chart-tooltip">
      <strong>{bucketRangeLabel(label, bucket)}</strong>
      <div className="muted">{total.toLocaleString("en")} events</div>
      <ul>
        {rows.map((entry) => (
          <li key={String(entry.dataKey)}>
            <span className="swatch" style={{ background: entry.color }} aria-hidden />
            <code>{String(entry.dataKey)}</code> {Number(entry.value).toLocaleString("en")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Codes over time as stacked bars. Data comes in through props; the container owns fetching. */
export function StackedCodesChart({ series, bucket, codes, onSegmentClick, height = 320 }: Props) {
  const rows = series.map((point) => ({ t: point.t, ...Object.fromEntries(codes.map((code) => [code, point.counts[code] ?? 0])) }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="t" tickFormatter={(t: number) => bucketLabel(t, bucket)} minTickGap={24} stroke="var(--text-muted)" fontSize={12} />
        <YAxis allowDecimals={false} width={48} stroke="var(--text-muted)" fontSize={12} />
        <Tooltip content={<CountsTooltip bucket={bucket} />} cursor={{ fill: "var(--surface-muted)" }} isAnimationActive={false} />
        {codes.map((code) => (
          <Bar
            key={code}
            dataKey={code}
            stackId="codes"
            fill={colorForCode(code)}
            isAnimationActive={false}
            cursor={onSegmentClick ? "pointer" : undefined}
            onClick={(entry: { payload?: { t?: number } }) => {
              if (onSegmentClick && typeof entry.payload?.t === "number") onSegmentClick(entry.payload.t, code);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
