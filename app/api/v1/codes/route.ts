import { catalogEntries } from "@/lib/catalog";
import { toCatalogEntryJson } from "@/lib/envelope/explanation-json";
import { route } from "@/lib/http/route";

// GET /api/v1/codes — every catalogued code: the API's and Errata's own
export const GET = route({ auth: "read" }, ({ reply }) => reply({ codes: catalogEntries.map(toCatalogEntryJson) }));
