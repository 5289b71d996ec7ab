import { defineConfig } from "drizzle-kit";

/** The PostgreSQL backend's migrations; `drizzle.config.ts` is SQLite's (`npm run db:generate:pg`). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./db/migrations-pg",
});
