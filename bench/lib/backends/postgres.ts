import type { FillMeta } from "../fill";
import type { GenerateOptions } from "../generate";
import type { FilledBackend } from "./backend";
import { fillPostgres } from "./postgres-fill";
import { createSchema, dropSchema, markFilled, newSchemaName, postgresFacts, scopedUrl } from "./postgres-server";

export interface PostgresChoice {
  callerUrl: string;
  /** A kept schema to measure again, or none: a new one is made and filled. */
  reuse?: { schema: string; meta: FillMeta };
  /** Keep the schema after the run (a later run reuses it); otherwise it is dropped. */
  keep: boolean;
}

export async function postgresBackend(choice: PostgresChoice, options: GenerateOptions, log: (line: string) => void): Promise<FilledBackend> {
  const schema = choice.reuse?.schema ?? newSchemaName();
  const url = scopedUrl(choice.callerUrl, schema);
  let meta = choice.reuse?.meta;
  if (!meta) {
    await createSchema(choice.callerUrl, schema);
    try {
      meta = await fillPostgres(url, options, log);
      await markFilled(choice.callerUrl, schema, meta);
    } catch (error) {
      if (!choice.keep) await dropSchema(choice.callerUrl, schema);
      throw error;
    }
  }
  return {
    name: "PostgreSQL",
    url,
    meta,
    reused: choice.reuse !== undefined,
    facts: () => postgresFacts(url, schema),
    dispose: async () => {
      if (choice.keep) log(`Kept schema ${schema} (--keep): the next run measures it again without filling; drop it with \`drop schema ${schema} cascade\`.`);
      else await dropSchema(choice.callerUrl, schema);
    },
  };
}
