import { LocalTime } from "@/components/ui/local-time";

/**
 * Why an id may be missing because of its age. Errata keeps every event it stores (no retention
 * setting deletes any yet), so the boundary is simply the oldest stored event.
 */
export function OldestEventNote({ oldestEventAt }: { oldestEventAt: number | null }) {
  return (
    <p className="muted">
      {oldestEventAt === null ? (
        <>Errata has no stored events yet: nothing sent before the first one arrives can be found.</>
      ) : (
        <>
          The oldest event Errata has stored happened <LocalTime ms={oldestEventAt} />. Errata deletes no events yet, so it
          holds nothing older: a request made before then is not here.
        </>
      )}
    </p>
  );
}
