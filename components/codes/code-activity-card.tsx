import Link from "next/link";
import { ActivityChart } from "@/components/charts/activity-chart";
import { colorForCode } from "@/components/charts/code-colors";
import { Card } from "@/components/ui/card";
import type { CodeActivity } from "@/lib/trends/types";

/** How often a code happened lately across all organizations. */
export function CodeActivityCard({ activity }: { activity: CodeActivity }) {
  return (
    <Card title="Occurrences, last 30 days">
      {activity.total === 0 ? (
        <p className="empty">No organization has hit this code in the last 30 days.</p>
      ) : (
        <>
          <p className="muted">
            {activity.total.toLocaleString("en")} events across all organizations; bars are UTC {activity.bucket}s.
          </p>
          <ActivityChart series={activity.series} bucket={activity.bucket} color={colorForCode(activity.code)} />
        </>
      )}
    </Card>
  );
}

/** The organizations hitting a code most in the activity's range, each linked to its requests with that code. */
export function AffectedOrgsCard({ activity }: { activity: CodeActivity }) {
  const range = `from=${new Date(activity.from).toISOString()}&to=${new Date(activity.to).toISOString()}`;
  return (
    <Card title="Organizations affected">
      {activity.topOrgs.length === 0 ? (
        <p className="empty">None in the last 30 days.</p>
      ) : (
        <>
          <p className="muted">Most affected first, last 30 days.</p>
          <ol className="plain">
            {activity.topOrgs.map((org) => {
              const requests = `${org.count.toLocaleString("en")} ${org.count === 1 ? "request" : "requests"}`;
              return (
                <li key={org.orgId}>
                  <Link href={`/orgs/${encodeURIComponent(org.orgId)}?range=30d`}>{org.name ?? org.orgId}</Link>
                  <span className="muted"> · </span>
                  <Link
                    href={`/orgs/${encodeURIComponent(org.orgId)}/events?code=${encodeURIComponent(activity.code)}&${range}`}
                    aria-label={`${requests} of ${org.name ?? org.orgId} with this code`}
                  >
                    {requests}
                  </Link>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Card>
  );
}
