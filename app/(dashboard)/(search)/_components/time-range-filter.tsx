"use client";

import { format } from "date-fns";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { SearchRange, SearchRangePreset } from "@/lib/search/search-filters";
import styles from "./search.module.css";

const PRESETS: { range: SearchRangePreset | null; label: string }[] = [
  { range: null, label: "Any time" },
  { range: "1h", label: "1 h" },
  { range: "24h", label: "24 h" },
  { range: "7d", label: "7 d" },
  { range: "30d", label: "30 d" },
];

/** `datetime-local` speaks the reader's own time zone; the URL keeps the exact instant. */
function localInput(date: Date | null): string {
  return date ? format(date, "yyyy-MM-dd'T'HH:mm") : "";
}

interface Props {
  range: SearchRange | null;
  from: Date | null;
  to: Date | null;
  onPreset: (range: SearchRangePreset | null) => void;
  onCustom: (from: Date | null, to: Date | null) => void;
}

function CustomRange({ from, to, onCustom }: Pick<Props, "from" | "to" | "onCustom">) {
  const [start, setStart] = useState(localInput(from));
  const [end, setEnd] = useState(localInput(to));
  const [problem, setProblem] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const startAt = start ? new Date(start) : null;
    const endAt = end ? new Date(end) : null;
    if (!startAt && !endAt) return setProblem("Enter a start, an end, or both.");
    if (startAt && endAt && startAt >= endAt) return setProblem("The start must be before the end.");
    setProblem(null);
    onCustom(startAt, endAt);
  }

  const ends = [
    { label: "From", value: start, set: setStart },
    { label: "To", value: end, set: setEnd },
  ];
  // Laid out like the field filters above it: a label over each input, the button beside them.
  return (
    <form className={styles.fields} onSubmit={apply} aria-label="Custom time range">
      {ends.map((boundary) => (
        <label key={boundary.label} className={styles.field}>
          <span>{boundary.label}</span>
          <input className="input input-inline" type="datetime-local" value={boundary.value} onChange={(event) => boundary.set(event.target.value)} />
        </label>
      ))}
      <div className={styles.actions}>
        <button type="submit" className="button">
          Apply range
        </button>
        {problem ? (
          <span role="alert" className="change-up">
            {problem}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** One-click ranges reaching back from now, or a custom range; "Any time" searches everything stored. */
export function TimeRangeFilter({ range, from, to, onPreset, onCustom }: Props) {
  // The server renders in its own zone; remount after hydration so the inputs show the reader's.
  const hydrated = useHydrated();
  return (
    <div className={styles.range}>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Time range">
          {PRESETS.map((preset) => (
            <button key={preset.label} type="button" aria-pressed={range === preset.range} onClick={() => onPreset(preset.range)}>
              {preset.label}
            </button>
          ))}
        </div>
        {range === "custom" ? <span className="badge badge-ok">Custom range</span> : null}
      </div>
      <CustomRange key={`${hydrated}:${from?.getTime()}:${to?.getTime()}`} from={from} to={to} onCustom={onCustom} />
    </div>
  );
}
