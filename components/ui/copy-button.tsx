"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so for a moment (also to screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button type="button" className="button" onClick={copy}>
      {label}
      <span aria-live="polite" className={state === "idle" ? "visually-hidden" : "muted"}>
        {state === "copied" ? "✓ Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </button>
  );
}
