import { BreakableCode } from "@/components/ui/breakable-code";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import type { DetailsField } from "@/lib/catalog";

/** What a code's `details` object carries: each field's name, type and meaning. */
export function DetailsFieldsCard({ fields }: { fields: readonly DetailsField[] }) {
  return (
    <Card title="Details fields">
      {fields.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <TableHead columns={["Field", "Type", "Meaning"]} />
            <tbody>
              {fields.map((field) => (
                <tr key={field.name}>
                  <td>
                    <BreakableCode text={`details.${field.name}`} />
                  </td>
                  <td>{field.type}</td>
                  <td>{field.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">This code documents no details fields: read the message and the request itself.</p>
      )}
    </Card>
  );
}
