import Link from "next/link";
import { CustomerReplyCard, EngineerChecklistCard, RetryCard } from "@/components/codes/guidance-cards";
import { TextList } from "@/components/codes/text-list";
import { Card } from "@/components/ui/card";
import type { Explanation } from "@/lib/catalog/types";

function WhatHappened({ explanation }: { explanation: Explanation }) {
  return (
    <Card title="What happened">
      <p className="lede">{explanation.summary}</p>
      <p>
        <strong>{explanation.inCatalog ? "Meaning: " : "What the status says: "}</strong>
        {explanation.meaning}
        {explanation.inCatalog ? (
          <>
            {" "}
            <Link href={`/codes/${encodeURIComponent(explanation.code)}`}>Catalog entry</Link>
          </>
        ) : null}
      </p>
      {explanation.notes.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">What the details say in this case</caption>
            <thead>
              <tr>
                <th scope="col">Detail</th>
                <th scope="col">Value</th>
                <th scope="col">What it means here</th>
              </tr>
            </thead>
            <tbody>
              {explanation.notes.map((note) => (
                <tr key={note.field}>
                  <td>
                    <code>{note.field}</code>
                  </td>
                  <td>{note.value}</td>
                  <td>{note.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>Likely causes</h3>
      <TextList items={explanation.causes} />
    </Card>
  );
}

/**
 * The explanation of one event, in the order a support agent works: understand, reply, escalate.
 * `customerReply` is the reply as sent (the explanation's, with the request it answers named).
 */
export function ExplanationCards({ explanation, customerReply }: { explanation: Explanation; customerReply: string }) {
  return (
    <>
      <WhatHappened explanation={explanation} />
      <CustomerReplyCard reply={customerReply} note="Written for the customer: it states the values from this error and leaves out organization ids, services, endpoints and key prefixes." />
      <EngineerChecklistCard checks={explanation.engineerChecks} />
      <RetryCard retry={explanation.retry} />
    </>
  );
}
