import Link from "next/link";
import type { PrunedNote } from "@/lib/retention/pruned-note";
import { PrunedNotice } from "./pruned-notice";

/** The request page of an id whose event the retention deleted: what its tombstone says, and nothing to look for. */
export function PrunedRequest({ note, retentionDays }: { note: PrunedNote; retentionDays: number }) {
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">Request · older than the retention</p>
        <h1>
          <code>{note.requestId}</code> is no longer stored
        </h1>
      </header>
      <PrunedNotice searched={note.requestId} note={note} retentionDays={retentionDays} />
      <p>
        <Link href="/">Back to search</Link>
      </p>
    </>
  );
}
