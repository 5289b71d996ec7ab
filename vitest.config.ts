import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { postgresAnswers, testPostgresUrl } from "./lib/testing/postgres-test-server";

const root = path.dirname(fileURLToPath(import.meta.url));
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx"];
const IGNORED = ["node_modules/**", ".next/**", "e2e/**"];
const SKIPPED_FOLDERS = new Set(["node_modules", ".next", "e2e", ".git", "data", "test-results"]);

/**
 * The test files that open a database: the ones that use the fresh-database helpers, directly or
 * through the fixtures built on them. They run a second time on PostgreSQL.
 */
function databaseTestFiles(dir = root): string[] {
  const helpers = /lib\/testing\/(test-db|handler-fixtures|sessions)"/;
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : databaseTestFiles(file);
    return /\.test\.tsx?$/.test(entry.name) && helpers.test(fs.readFileSync(file, "utf8")) ? [path.relative(root, file)] : [];
  });
}

const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Component bundle; tests run the server code directly.
      "server-only": path.resolve(root, "lib/testing/server-only-stub.ts"),
    },
  },
};

export default defineConfig(async () => {
  const postgresUrl = testPostgresUrl();
  const projects: TestProjectInlineConfiguration[] = [
    {
      ...shared,
      // Each test file opens its own temporary SQLite database; running files in parallel is safe.
      test: { name: "sqlite", include: TEST_FILES, exclude: IGNORED, environment: "node", pool: "forks" },
    },
  ];
  if (process.env.ERRATA_TEST_BACKEND === "sqlite") {
    // Asked for SQLite alone.
  } else if (await postgresAnswers(postgresUrl)) {
    projects.push({
      ...shared,
      test: {
        name: "postgres",
        include: databaseTestFiles(),
        exclude: IGNORED,
        environment: "node",
        pool: "forks",
        env: { ERRATA_TEST_BACKEND: "postgres", ERRATA_TEST_POSTGRES_URL: postgresUrl },
        globalSetup: ["lib/testing/postgres-global-setup.ts"],
      },
    });
  } else {
    console.warn(`\n[errata] PostgreSQL does not answer at ${new URL(postgresUrl).host}: the PostgreSQL run of the database tests is SKIPPED (SQLite only).\n`);
  }
  return { ...shared, test: { projects } };
});
