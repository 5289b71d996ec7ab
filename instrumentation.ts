/**
 * Runs once when the server starts: installs the graceful shutdown (first, so a signal during
 * startup is handled too), opens (creating and migrating) the database, so the first request does
 * not pay for it and a broken DATABASE_URL fails at start, tells a new user how to get an API key, and
 * starts the retention job (lib/retention/).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installGracefulShutdown } = await import("./lib/shutdown/graceful-shutdown");
  installGracefulShutdown();
  const { announceStartup } = await import("./lib/startup");
  await announceStartup();
  const { startRetention } = await import("./lib/retention/start");
  startRetention();
}
