import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

// Any /api path without a route answers with the envelope too, never Next's HTML 404 page.
const unknownRoute = route({ auth: "none" }, ({ request }) => {
  throw new ApiError(404, "common.not_found", `There is no API route ${new URL(request.url).pathname}.`, {
    resource: "route",
    method: request.method,
  });
});

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
