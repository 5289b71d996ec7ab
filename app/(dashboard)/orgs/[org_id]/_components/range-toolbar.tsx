"use client";

import { useState, type FormEvent } from "react";
import type { RangeChoice } from "@/lib/trends/range-presets";
import { BUCKET_CHOICES, type BucketChoice } from "../search-params";

const PRESET_LABELS: Record<Exclude<RangeChoice, "custom">, string> = { "24h": "24 h", "7d": "7 d", "30d": "30 d" };

/** `datetime-local` inputs speak the reader's local time; the URL keeps the exact instant. */
function toLocalInput(ms: number | null): string {
  if (ms === null) return "";
  const date = new Date(ms);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Props {
  range: RangeChoice;
  from: number | null;
  to: number | null;
  bucket: BucketChoice;
  onPreset: (range: Exclude<RangeChoice, "custom">) => void;
  onCustom: (from: number, to: number) => void;
  onBucket: (bucket: BucketChoice) => void;
}

export function RangeToolbar({ range, from, to, bucket, onPreset, onCustom, onBucket }: Props) {
  const [customFrom, setCustomFrom] = useState(toLocalInput(from));
  const [customTo, setCustomTo] = useState(toLocalInput(to));
  const [problem, setProblem] = useState<string | null>(null);

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    const start = Date.parse(customFrom);
    const end = Date.parse(customTo);
    if (!Number.isFinite(start) || !Number.isFinite(end)) return setProblem("Enter both a start and an end.");
    if (start >= end) return setProblem("The start must be before the end.");
    setProblem(null);
    onCustom(start, end);
  }

  return (
    <div className="toolbar">
      <div className="segmented" role="group" aria-label="Time range">
        {(Object.keys(PRESET_LABELS) as (keyof typeof PRESET_LABELS)[]).map((preset) => (
          <button key={preset} type="button" aria-pressed={range === preset} onClick={() => onPreset(preset)}>
            {PRESET_LABELS[preset]}
          </button>
        ))}
      </div>
      <form className="toolbar" onSubmit={applyCustom} aria-label="Custom range">
        <label>
          From{" "}
          <input className="input input-inline" type="datetime-local" value={customFrom} onChange={(e) => setCustomFrom(e.target.value)} />
        </label>
        <label>
          to <input className="input input-inline" type="datetime-local" value={customTo} onChange={(e) => setCustomTo(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Apply range
        </button>
        {range === "custom" ? <span className="badge badge-ok">Custom range shown</span> : null}
        {problem ? (
          <span role="alert" className="change-up">
            {problem}
          </span>
        ) : null}
      </form>
      <label>
        Buckets{" "}
        <select className="input input-inline" value={bucket} onChange={(e) => onBucket(e.target.value as BucketChoice)}>
          {BUCKET_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === "auto" ? "automatic" : `per ${choice}`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
