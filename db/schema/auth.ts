import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/*
 * The tables better-auth reads and writes (its user, session, account and verification models,
 * plus the admin plugin's role and ban fields). Property names are better-auth's field names, which
 * its drizzle adapter looks up; column names follow the house snake_case. Times are stored as epoch
 * milliseconds like every other table (drizzle converts them to Date for better-auth).
 */

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
    image: text("image"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    /** `admin` or `agent` (see lib/session/roles.ts). */
    role: text("role"),
    /** A deactivated user: cannot sign in, and their sessions were revoked. */
    banned: integer("banned", { mode: "boolean" }).default(false),
    banReason: text("ban_reason"),
    banExpires: timestamp("ban_expires"),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at").notNull(),
    /** The session cookie's token; the cookie itself is signed with the app secret. */
    token: text("token").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
  },
  (table) => [uniqueIndex("sessions_token_unique").on(table.token), index("sessions_user_idx").on(table.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at"),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at"),
    scope: text("scope"),
    /** better-auth's scrypt hash of the password (never the password). */
    password: text("password"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("accounts_user_idx").on(table.userId)],
);

export const verifications = sqliteTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

/**
 * One-time links that create a dashboard user: the first admin's (printed at first start) and
 * invitations made by the CLI or an admin. Only the token's SHA-256 is stored; the link holds the
 * token itself. A used or expired token opens nothing.
 */
export const setupTokens = sqliteTable(
  "setup_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    /** Null for the first-admin link, where the person chooses their e-mail address. */
    email: text("email"),
    role: text("role").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    /** Who made the invitation (a user id), or null for the CLI and the first-admin link. */
    createdBy: text("created_by"),
  },
  (table) => [index("setup_tokens_email_idx").on(table.email)],
);

/**
 * Failed sign-in attempts, counted per e-mail address and per client address to slow password
 * guessing. Kept in the database, not in memory, so that several instances share the count.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    failedAt: integer("failed_at").notNull(),
  },
  (table) => [
    index("sign_in_failures_email_idx").on(table.email, table.failedAt),
    index("sign_in_failures_client_idx").on(table.clientAddress, table.failedAt),
  ],
);

/**
 * Secrets the app generates for itself on first use, such as the key that signs session cookies
 * when ERRATA_AUTH_SECRET is not set. In the database so that every instance shares them.
 */
export const appSecrets = sqliteTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: integer("created_at").notNull(),
});
