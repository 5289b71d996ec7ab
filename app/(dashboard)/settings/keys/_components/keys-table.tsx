"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/actions/keys";
import type { KeyStatus } from "@/lib/auth/key-status";
import { useApiKeys, useRevokeApiKey } from "@/lib/hooks/use-api-keys";
import { RevokeDialog } from "./revoke-dialog";

const STATUS_TONES = { active: "ok", expired: "warning", revoked: "danger" } as const satisfies Record<KeyStatus, string>;

function Time({ ms, empty }: { ms: number | null; empty: string }) {
  return ms === null ? <span className="muted">{empty}</span> : <LocalTime ms={ms} relative={false} />;
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKeyView; onRevoke: (key: ApiKeyView) => void }) {
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.scopes.join(", ")}</td>
      <td>{apiKey.hasSigningSecret ? "required" : <span className="muted">no</span>}</td>
      <td>
        <Time ms={apiKey.createdAt} empty="" />
      </td>
      <td>
        <Time ms={apiKey.lastUsedAt} empty="never" />
      </td>
      <td>
        <Time ms={apiKey.expiresAt} empty="never" />
      </td>
      <td>
        <Badge tone={STATUS_TONES[apiKey.status]}>{apiKey.status}</Badge>
      </td>
      <td>
        {apiKey.status === "revoked" ? null : (
          <button type="button" className="button" aria-label={`Revoke ${apiKey.name} (${apiKey.prefix})`} onClick={() => onRevoke(apiKey)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** Every key by prefix and name — never the key or its signing secret — with a confirmed revoke. */
export function KeysTable() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [target, setTarget] = useState<ApiKeyView | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function open(key: ApiKeyView) {
    revoke.reset();
    setTarget(key);
  }

  function confirm() {
    if (!target) return;
    revoke.mutate(target.id, {
      onSuccess: () => {
        setAnnouncement(`Revoked ${target.name} (${target.prefix}).`);
        setTarget(null);
      },
    });
  }

  const list = keys.data ?? [];
  return (
    <Card title="Keys" action={<span className="muted">Last used is updated every few seconds.</span>}>
      <p aria-live="polite" className={announcement ? undefined : "visually-hidden"}>
        {announcement}
      </p>
      {list.length === 0 ? (
        <p className="empty">{keys.isError ? "Keys could not be loaded." : keys.isPending ? "Loading…" : "No keys yet: create one above."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                {["Name", "Prefix", "Scopes", "Signature", "Created", "Last used", "Expires", "Status"].map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((key) => (
                <KeyRow key={key.id} apiKey={key} onRevoke={open} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {target ? (
        <RevokeDialog target={target} pending={revoke.isPending} failed={revoke.isError} onConfirm={confirm} onCancel={() => setTarget(null)} />
      ) : null}
    </Card>
  );
}
