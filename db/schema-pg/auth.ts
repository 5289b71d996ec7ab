import { bigint, boolean, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { epochMs, epochMsDate } from "./columns";

/* better-auth's tables and Errata's sign-in tables (see db/schema/auth.ts for what each holds). */

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    createdAt: epochMsDate("created_at").notNull(),
    updatedAt: epochMsDate("updated_at").notNull(),
    role: text("role"),
    banned: boolean("banned").default(false),
    banReason: text("ban_reason"),
    banExpires: epochMsDate("ban_expires"),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: epochMsDate("expires_at").notNull(),
    token: text("token").notNull(),
    createdAt: epochMsDate("created_at").notNull(),
    updatedAt: epochMsDate("updated_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
  },
  (table) => [uniqueIndex("sessions_token_unique").on(table.token), index("sessions_user_idx").on(table.userId)],
);

export const accounts = pgTable(
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
    accessTokenExpiresAt: epochMsDate("access_token_expires_at"),
    refreshTokenExpiresAt: epochMsDate("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: epochMsDate("created_at").notNull(),
    updatedAt: epochMsDate("updated_at").notNull(),
  },
  (table) => [index("accounts_user_idx").on(table.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: epochMsDate("expires_at").notNull(),
    createdAt: epochMsDate("created_at").notNull(),
    updatedAt: epochMsDate("updated_at").notNull(),
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

export const setupTokens = pgTable(
  "setup_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    email: text("email"),
    role: text("role").notNull(),
    createdAt: epochMs("created_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    usedAt: epochMs("used_at"),
    createdBy: text("created_by"),
  },
  (table) => [index("setup_tokens_email_idx").on(table.email)],
);

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    failedAt: epochMs("failed_at").notNull(),
  },
  (table) => [
    index("sign_in_failures_email_idx").on(table.email, table.failedAt),
    index("sign_in_failures_client_idx").on(table.clientAddress, table.failedAt),
  ],
);

export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: epochMs("created_at").notNull(),
});
