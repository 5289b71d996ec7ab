import Link from "next/link";
import { ActivityChart } from "@/components/charts/activity-chart";
import { colorForCode } from "@/components/charts/code-colors";
import { Card } from "@/components/ui/card";
import type { CodeActivity } from "@/lib/trends/types";

/** How often a code happened lately across all organizations, and who hits it most. */
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
          <h3>Organizations hitting it most</h3>
          <ol className="plain">
            {activity.topOrgs.map((org) => (
              <li key={org.orgId}>
                <Link href={`/orgs/${encodeURIComponent(org.orgId)}`}>{org.name ?? org.orgId}</Link>{" "}
                <span className="muted">{org.count.toLocaleString("en")}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
