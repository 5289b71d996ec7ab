import { z } from "zod";
import { findCatalogEntry } from "@/lib/catalog";
import { toCatalogEntryJson } from "@/lib/envelope/explanation-json";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

const params = z.object({ code: z.string().min(1).max(100) });

// GET /api/v1/codes/{code} — one catalog entry with its explanation texts
export const GET = route({ auth: "read", params }, ({ params, reply }) => {
  const entry = findCatalogEntry(params.code);
  if (!entry) throw notFound("code", params.code);
  return reply({ code: toCatalogEntryJson(entry) });
});
