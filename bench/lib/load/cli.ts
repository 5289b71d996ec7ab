import { spawn } from "node:child_process";

/*
 * Credentials and seed data go through the project's own CLI, as an operator would set up a
 * server, so the benchmark exercises the same paths on either backend and needs no access to db/.
 */

/** Runs `npm run errata -- args` against `databaseUrl`; resolves with its standard output, or throws with both outputs. */
export function errataCli(args: readonly string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "errata", "--", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`\`npm run errata -- ${args.join(" ")}\` exited with ${code}:\n${out}${err}`));
    });
  });
}

/** A new API key with `scopes`; the CLI prints the key alone on its last line. */
export async function createKey(databaseUrl: string, name: string, scopes: readonly string[]): Promise<string> {
  const out = await errataCli(["keys", "create", "--name", name, "--scopes", scopes.join(",")], databaseUrl);
  const key = out.trim().split("\n").at(-1)?.trim() ?? "";
  if (!key.startsWith("erk_")) throw new Error(`\`errata keys create\` printed no key on its last line:\n${out}`);
  return key;
}

export interface SeedOptions {
  events: number;
  days: number;
  orgs: number;
  seed: number;
}

/** The demo's traffic (catalogued codes and details, a spike, the demo's organizations), ending now. */
export function seedDemo(databaseUrl: string, options: SeedOptions): Promise<string> {
  const args = ["demo", "--events", options.events, "--days", options.days, "--orgs", options.orgs, "--seed", options.seed].map(String);
  return errataCli(args, databaseUrl);
}
