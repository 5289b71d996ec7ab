import "server-only";

import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { database, type AppDatabase, type Db } from "@/db/client";
import { getOrCreateAppSecret } from "@/db/queries/app-secrets";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { publicBaseUrl } from "@/lib/public-base-url";
import { PASSWORD_LENGTH } from "@/lib/users/user-input";

const accessControl = createAccessControl(defaultStatements);
// Agents get no user- or session-management permission; admins get the plugin's full set.
const roles = { admin: adminAc, agent: accessControl.newRole({ user: [], session: [] }) };

async function authSecret(): Promise<string> {
  return env().ERRATA_AUTH_SECRET ?? getOrCreateAppSecret("auth_secret", () => randomBytes(32).toString("base64url"));
}

function createAuth({ db, t, dialect }: AppDatabase, secret: string) {
  const settings = env();
  return betterAuth({
    appName: "Errata",
    secret,
    baseURL: publicBaseUrl(),
    logger: { log: (level, message) => logger[level]({ component: "better-auth" }, message) },
    database: drizzleAdapter(db, {
      provider: dialect === "postgres" ? "pg" : "sqlite",
      schema: { user: t.users, session: t.sessions, account: t.accounts, verification: t.verifications },
    }),
    // Accounts are made by admins and setup links only: nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_LENGTH.min, maxPasswordLength: PASSWORD_LENGTH.max },
    session: {
      expiresIn: settings.ERRATA_SESSION_HOURS * 3600,
      // A session used within its last quarter is extended; an idle one simply expires.
      updateAge: Math.max(60, Math.floor((settings.ERRATA_SESSION_HOURS * 3600) / 4)),
      // No cookie cache: a revoked or expired session must stop working on the very next request.
      cookieCache: { enabled: false },
    },
    advanced: {
      cookiePrefix: "errata",
      useSecureCookies: publicBaseUrl().startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    // Sign-in runs through our server action, which applies its own per-account and per-client limits.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [admin({ ac: accessControl, roles, defaultRole: "agent", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per database handle: tests and the CLI switch databases, and the server's is cached.
// The promise is kept, so concurrent first requests share one instance (and one secret read).
const instances = new WeakMap<Db, Promise<Auth>>();

/** better-auth bound to the process's database, created on first use (never at import). */
export async function auth(): Promise<Auth> {
  const current = await database();
  let instance = instances.get(current.db);
  if (!instance) {
    instance = authSecret().then((secret) => createAuth(current, secret));
    instances.set(current.db, instance);
    // A failed secret read is not cached: the next request tries again.
    instance.catch(() => instances.delete(current.db));
  }
  return instance;
}
