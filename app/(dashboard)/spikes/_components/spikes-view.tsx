"use client";

import { useQueryStates } from "nuqs";
import { Card } from "@/components/ui/card";
import { UpdatedAt } from "@/components/ui/updated-at";
import { useSpikes } from "@/lib/hooks/use-spikes";
import { SPIKE_WINDOWS } from "@/lib/trends/range-presets";
import { spikeParams } from "../search-params";
import { SpikeList } from "./spike-list";

const WINDOW_LABELS = { "1h": "Last hour", "24h": "Last 24 hours" } as const;

export function SpikesView({ rule }: { rule: string }) {
  const [{ window }, setParams] = useQueryStates(spikeParams);
  const query = useSpikes(window);
  const report = query.data;
  return (
    <>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Window">
          {SPIKE_WINDOWS.map((choice) => (
            <button key={choice} type="button" aria-pressed={window === choice} onClick={() => void setParams({ window: choice })}>
              {WINDOW_LABELS[choice]}
            </button>
          ))}
        </div>
        {report ? <UpdatedAt at={query.dataUpdatedAt} refreshing={query.isFetching} /> : null}
      </div>
      <Card title="Spikes">
        {report ? (
          <SpikeList spikes={report.spikes} empty="Nothing is rising unusually right now." />
        ) : (
          <p className="empty">{query.isError ? "Spikes could not be loaded; retrying." : "Loading…"}</p>
        )}
      </Card>
      <Card title="New codes">
        {report ? <SpikeList spikes={report.newCodes} empty="No organization produced a code it had not produced in 30 days." /> : null}
      </Card>
      <Card title="How spikes are found">
        <p>{rule}</p>
      </Card>
    </>
  );
}
