import { LocalTime } from "@/components/ui/local-time";

/**
 * Why an id may be missing because of its age: Errata deletes events after ERRATA_RETENTION_DAYS
 * (an id it deleted is named as such, not as unknown), and holds nothing older than its oldest event.
 */
export function OldestEventNote({ oldestEventAt, retentionDays }: { oldestEventAt: number | null; retentionDays: number }) {
  return (
    <p className="muted">
      {oldestEventAt === null ? (
        <>
          Errata has no stored events yet: nothing sent before the first one arrives can be found. It keeps events for {retentionDays}{" "}
          days.
        </>
      ) : (
        <>
          Errata keeps events for {retentionDays} days and deletes older ones; an id it deleted is still recognised for 400 days. The
          oldest event it holds happened <LocalTime ms={oldestEventAt} />: a request made before then is not here.
        </>
      )}
    </p>
  );
}
