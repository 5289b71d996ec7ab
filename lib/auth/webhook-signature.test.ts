import { describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";
import { signatureHeaderFor } from "./signature-header";
import { verifySubmissionSignature } from "./webhook-signature";

setupFreshDatabasePerTest();

const BODY = '{"events":[]}';
const NOW = Date.now();

describe("verifySubmissionSignature", () => {
  it("ignores the header entirely for a key without a signing secret", async () => {
    const { secret } = await createApiKey({ name: "plain", scopes: ["ingest"] });
    const actor = await authenticateKey(`Bearer ${secret}`, "ingest", NOW);
    expect(actor.hasSigningSecret).toBe(false);
    for (const header of [null, "garbage", signatureHeaderFor("whsec_whatever", BODY, NOW - 3_600_000)]) {
      await expect(verifySubmissionSignature(actor, BODY, header, NOW)).resolves.toBeUndefined();
    }
  });

  it("checks the body against the key's own stored secret", async () => {
    const created = await createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    const actor = await authenticateKey(`Bearer ${created.secret}`, "ingest", NOW);
    expect(actor.hasSigningSecret).toBe(true);
    expect(JSON.stringify(actor)).not.toContain(created.signingSecret);
    const signingSecret = created.signingSecret ?? "";
    await expect(verifySubmissionSignature(actor, BODY, signatureHeaderFor(signingSecret, BODY, NOW), NOW)).resolves.toBeUndefined();
    await expect(verifySubmissionSignature(actor, BODY, null, NOW)).rejects.toThrow(/requires signed submissions/);

    const other = (await createApiKey({ name: "other", scopes: ["ingest"], signingSecret: true })).signingSecret ?? "";
    await expect(verifySubmissionSignature(actor, BODY, signatureHeaderFor(other, BODY, NOW), NOW)).rejects.toThrow(/matches/);
  });
});
