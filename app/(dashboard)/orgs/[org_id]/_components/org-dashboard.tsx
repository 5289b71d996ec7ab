"use client";

import { useQueryStates } from "nuqs";
import { useRouter } from "next/navigation";
import { groupMinorCodes, OTHER_CODES } from "@/components/charts/group-codes";
import { StackedCodesChart } from "@/components/charts/stacked-codes-chart";
import { Card } from "@/components/ui/card";
import { UpdatedAt } from "@/components/ui/updated-at";
import { useOrgTrend } from "@/lib/hooks/use-org-trend";
import { BUCKET_MS } from "@/lib/trends/buckets";
import { orgViewParams, toOrgTrendRequest } from "../search-params";
import { CodeLegend } from "./code-legend";
import { CodeTable } from "./code-table";
import { RangeToolbar } from "./range-toolbar";
import { StatusMix } from "./status-mix";
import { TrendTotals } from "./trend-totals";

/** Codes drawn separately; the rest are summed so the chart stays readable. */
const MAX_CHART_CODES = 8;

function eventsHref(orgId: string, code: string | null, from: number, to: number): string {
  const params = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  if (code) params.set("code", code);
  return `/orgs/${encodeURIComponent(orgId)}/events?${params}`;
}

/** The organization page: range, chart, code table and status mix, all driven by the URL. */
export function OrgDashboard({ orgId }: { orgId: string }) {
  const router = useRouter();
  const [view, setView] = useQueryStates(orgViewParams);
  const request = toOrgTrendRequest(orgId, view);
  const query = useOrgTrend(request);
  const result = query.data;

  const toolbar = (
    <RangeToolbar
      // Remount when the URL's range changes so the custom inputs show the range actually drawn.
      key={`${view.range}:${request.from}:${request.to}`}
      range={view.range}
      from={request.from}
      to={request.to}
      bucket={view.bucket}
      onPreset={(range) => void setView({ range, from: null, to: null })}
      onCustom={(from, to) => void setView({ range: "custom", from: new Date(from), to: new Date(to) })}
      onBucket={(bucket) => void setView({ bucket })}
    />
  );
  if (!result) return <>{toolbar}<p className="empty">{query.isError ? "The chart could not be loaded. It will retry shortly." : "Loading the chart…"}</p></>;
  if (!result.ok) return <>{toolbar}<p role="alert" className="callout callout-warning">{result.problem}</p></>;

  const { trend, codes } = result.view;
  const allCodes = codes.map((row) => row.code);
  const chartCodes = allCodes.length > MAX_CHART_CODES ? [...allCodes.slice(0, MAX_CHART_CODES), OTHER_CODES] : allCodes;
  const chartSeries = groupMinorCodes(trend.series, allCodes.slice(0, MAX_CHART_CODES));
  const visible = chartCodes.filter((code) => !view.hidden.includes(code));
  const toggle = (code: string) =>
    void setView({ hidden: view.hidden.includes(code) ? view.hidden.filter((c) => c !== code) : [...view.hidden, code] });
  // "other codes" opens every request of the bucket: it stands for many codes.
  const openSegment = (t: number, code: string) =>
    router.push(eventsHref(orgId, code === OTHER_CODES ? null : code, Math.max(t, trend.from), Math.min(t + BUCKET_MS[trend.bucket], trend.to)));

  return (
    <>
      {toolbar}
      <TrendTotals view={result.view} />
      <Card title="Errors over time" action={<UpdatedAt at={query.dataUpdatedAt} refreshing={query.isFetching} />}>
        {result.view.total === 0 ? (
          <p className="empty">No errors from this organization in this range.</p>
        ) : (
          <>
            <CodeLegend codes={chartCodes} hidden={view.hidden} onToggle={toggle} />
            <StackedCodesChart series={chartSeries} bucket={trend.bucket} codes={visible} onSegmentClick={openSegment} />
            <p className="muted">Bars are {trend.bucket === "minute" ? "minutes" : `${trend.bucket}s`} in UTC. Click a bar to see its requests.</p>
          </>
        )}
      </Card>
      {result.view.total > 0 ? (
        <div className="columns">
          <Card title="Codes in this range">
            <CodeTable rows={codes} eventsHref={(code) => eventsHref(orgId, code, trend.from, trend.to)} />
          </Card>
          <Card title="HTTP status mix">
            <StatusMix rows={result.view.statusMix} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
