"use client";

import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ManagedUser } from "@/lib/actions/users";
import type { UserChange } from "@/lib/users/admin-lockout";
import { changesFor, LOCKOUT_HINTS, wordingOf } from "./user-changes";
import styles from "./users.module.css";

function Sessions({ user }: { user: ManagedUser }) {
  if (user.lastSignedInAt === null) return <span className="muted">no session on record</span>;
  return (
    <>
      <LocalTime ms={user.lastSignedInAt} relative={false} />
      <br />
      <span className="muted">{user.activeSessions === 1 ? "1 active session" : `${user.activeSessions} active sessions`}</span>
    </>
  );
}

/** One user, with a button for each change the lockout rule allows (each one is confirmed first). */
export function UserRow({ user, onChange }: { user: ManagedUser; onChange: (user: ManagedUser, change: UserChange) => void }) {
  return (
    <tr>
      <td>
        <div className={styles.who}>
          <span>
            {user.email} {user.isYou ? <Badge>you</Badge> : null}
          </span>
          <span className="muted">{user.name}</span>
        </div>
      </td>
      <td className={styles.nowrap}>{user.role}</td>
      <td className={styles.nowrap}>{user.deactivated ? <Badge tone="danger">deactivated</Badge> : <Badge tone="ok">active</Badge>}</td>
      <td className={styles.nowrap}>
        <LocalTime ms={user.createdAt} relative={false} />
      </td>
      <td>
        <Sessions user={user} />
      </td>
      <td>
        <div className={styles.rowActions}>
          {changesFor(user).map((change) => {
            const { button } = wordingOf(user, change);
            return (
              <button key={change.kind} type="button" className="button" onClick={() => onChange(user, change)}>
                {button}
                <span className="visually-hidden"> {user.email}</span>
              </button>
            );
          })}
          {user.lockout ? <span className={styles.hint}>{LOCKOUT_HINTS[user.lockout]}</span> : null}
        </div>
      </td>
    </tr>
  );
}
