"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket } from "@/lib/trends/types";
import { bucketLabel, bucketRangeLabel } from "./time-labels";

/** One series of counts over time (a code across all organizations). */
export function ActivityChart({ series, bucket, color, height = 180 }: { series: { t: number; count: number }[]; bucket: Bucket; color: string; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={series} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="t" tickFormatter={(t: number) => bucketLabel(t, bucket)} minTickGap={24} stroke="var(--text-muted)" fontSize={12} />
        <YAxis allowDecimals={false} width={40} stroke="var(--text-muted)" fontSize={12} />
        <Tooltip
          labelFormatter={(t) => bucketRangeLabel(Number(t), bucket)}
          formatter={(value) => [Number(value).toLocaleString("en"), "events"]}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)" }}
          isAnimationActive={false}
        />
        <Bar dataKey="count" fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
