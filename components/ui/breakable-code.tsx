import { Fragment } from "react";

/**
 * A dotted code or a snake_case name that wraps after its dots and underscores on narrow screens
 * (`registration.` / `audio_too_large`) instead of mid-word; text and accessible name are unchanged.
 */
export function BreakableCode({ text }: { text: string }) {
  const parts = text.split(/(?<=[._])/);
  return (
    <code>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
