import { databaseReadiness } from "@/db/readiness";
import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";
import { shutdownStartedAt } from "@/lib/shutdown/drain-registry";
import { shuttingDownError } from "@/lib/shutdown/shutting-down-error";

// A probe's answer is about this instant: no cache between the probe and Errata may keep one.
const NO_STORE = { "Cache-Control": "no-store" };

// GET /api/ready — readiness: the database answers and holds every migration, and the instance is not stopping
export const GET = route({ auth: "none" }, async ({ reply }) => {
  // A stopping instance has closed its port; a probe still reaching it (on an open keep-alive connection) must not count it in.
  if (shutdownStartedAt() !== null) throw shuttingDownError("Errata is shutting down.", NO_STORE);
  const database = await databaseReadiness();
  if (!database.ready) {
    throw new ApiError(503, "common.service_unavailable", "Errata's database is not ready.", { reason: database.reason, dialect: database.dialect }, NO_STORE);
  }
  const response = reply({ status: "ready", database: { dialect: database.dialect, migrations: database.migrations } });
  response.headers.set("Cache-Control", "no-store");
  return response;
});
