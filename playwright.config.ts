import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_FILE, E2E_DATABASE_URL, E2E_PORT } from "./e2e/fixtures/env";
import { SESSION_STATE } from "./e2e/fixtures/users";

const CI = Boolean(process.env.CI);

/**
 * The machine is offline except for apt and npm, so Playwright's own browser download cannot run:
 * the suite drives Debian's Chromium (installed by scripts/ensure-chromium.sh).
 */
const CHROMIUM_PATH = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  // Playwright wipes outputDir before each run; the HTML report must live outside it.
  outputDir: "test-results/artifacts",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores: the server, Chromium and the workers share them.
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The suite took 12.6 min in CI's last run: room for a slower machine without hiding a hang.
  globalTimeout: CI ? 25 * 60_000 : undefined,
  reporter: [["list"], ["html", { open: "never", outputFolder: "test-results/html-report" }]],
  // Runs AFTER the web server is up (Playwright starts webServer before globalSetup), so it only
  // creates keys; the database file is deleted by the webServer command itself.
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      // Signs in the run's admin and agent once and saves their browser states for the specs.
      name: "sessions",
      testMatch: /sessions\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], headless: true, launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
    {
      name: "chromium",
      dependencies: ["sessions"],
      use: {
        ...devices["Desktop Chrome"],
        headless: true,
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        // Specs run as the admin unless they say otherwise (test.use({ storageState: … })).
        storageState: SESSION_STATE.admin,
      },
    },
  ],
  webServer: {
    // The production server (`npm run test:e2e` builds first). The database is deleted here, not in
    // globalSetup, because this command runs first; the app recreates and migrates it lazily.
    command: `rm -f ${E2E_DATABASE_FILE} ${E2E_DATABASE_FILE}-wal ${E2E_DATABASE_FILE}-shm ${E2E_DATABASE_FILE}-journal && npm run start -- --port ${E2E_PORT} --hostname 127.0.0.1`,
    url: `${E2E_BASE_URL}/api/health`,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(E2E_PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      // Refused requests (most of the API spec) log at info; keep the output to warnings and errors.
      LOG_LEVEL: "warn",
    },
    // Reusing a server would also reuse its database and build: opt-in for local iteration only.
    reuseExistingServer: !CI && process.env.E2E_REUSE_SERVER === "1",
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
