import type { z } from "zod";
import type { FieldProblem } from "./api-error";

/** Renders a zod issue path as `events[3].details.size_bytes`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    const name = String(segment);
    return out ? `${out}.${name}` : name;
  }, "");
}

/** Turns zod issues into field problems, each path prefixed by where the value sat in the request. */
export function fieldProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]) || "(root)",
    message: issue.message,
  }));
}
