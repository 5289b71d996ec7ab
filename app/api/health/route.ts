import { route } from "@/lib/http/route";

// GET /api/health — liveness: the process serves HTTP. A constant, touching no storage, so a probe
// never piles onto a busy database; it doubles as the framework ceiling in `npm run bench:ingest`.
export const GET = route({ auth: "none" }, ({ reply }) => reply({ status: "ok" }));
