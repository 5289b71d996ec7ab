"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ApiKeyView } from "@/lib/actions/keys";

interface Props {
  target: ApiKeyView;
  pending: boolean;
  failed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation step before a revocation. */
export function RevokeDialog({ target, pending, failed, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      title={`Revoke “${target.name}”?`}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      tone="danger"
      pending={pending}
      problem={failed ? "The key could not be revoked. Try again." : null}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      Requests with <code>{target.prefix}…</code> will be refused with <code>401 auth.key_revoked</code> from now on. Revoking cannot
      be undone.
    </ConfirmDialog>
  );
}
