"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ManagedUser } from "@/lib/actions/users";
import { useUserChange, useUsers } from "@/lib/hooks/use-users";
import type { UserChange } from "@/lib/users/admin-lockout";
import { UserRow } from "./user-row";
import { wordingOf } from "./user-changes";

/** Every user, each change confirmed first; the outcome is announced to screen readers too. */
export function UsersTable() {
  const users = useUsers();
  const apply = useUserChange();
  const [target, setTarget] = useState<{ user: ManagedUser; change: UserChange } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function open(user: ManagedUser, change: UserChange) {
    apply.reset();
    setTarget({ user, change });
  }

  function confirm() {
    if (!target) return;
    apply.mutate(
      { userId: target.user.id, change: target.change },
      {
        onSuccess: (result) => {
          if (!result.ok) return;
          setAnnouncement(wordingOf(target.user, target.change).done);
          setTarget(null);
        },
      },
    );
  }

  // A refusal (the lockout rule, a user removed meanwhile) stays in the dialog, in the server's words.
  const refusal = apply.data && !apply.data.ok ? apply.data.message : null;
  const wording = target ? wordingOf(target.user, target.change) : null;
  const list = users.data ?? [];
  return (
    <Card title="Users" action={<span className="muted">Last signed in comes from sessions still on record.</span>}>
      <p aria-live="polite" className={announcement ? undefined : "visually-hidden"}>
        {announcement}
      </p>
      {list.length === 0 ? (
        <p className="empty">{users.isError ? "Users could not be loaded." : "Loading…"}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Dashboard users</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last signed in</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <UserRow key={user.id} user={user} onChange={open} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {wording ? (
        <ConfirmDialog
          title={wording.title}
          confirmLabel={wording.button}
          pendingLabel={wording.pending}
          tone={wording.danger ? "danger" : "primary"}
          pending={apply.isPending}
          problem={apply.isError ? "The change could not be made. Try again." : refusal}
          onConfirm={confirm}
          onCancel={() => setTarget(null)}
        >
          {wording.consequence}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
