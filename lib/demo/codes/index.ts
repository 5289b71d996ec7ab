import { apiKeySpecs } from "./api-key";
import { commonSpecs } from "./common";
import { registrationSpecs } from "./registration";
import type { CodeSpec } from "./types";

export { quotaEnvelope } from "./common";
export type { CodeSpec, EnvelopeBody, EventContext, Plan } from "./types";

export const codeSpecs: readonly CodeSpec[] = [...apiKeySpecs, ...registrationSpecs, ...commonSpecs];

const byCode = new Map(codeSpecs.map((spec) => [spec.code, spec]));

export function codeSpec(code: string): CodeSpec {
  const spec = byCode.get(code);
  if (!spec) throw new Error(`no demo spec for ${code}`);
  return spec;
}
