import { ApiError } from "@/lib/http/api-error";

/** The ApiError `run` throws; any other error is rethrown, and returning normally fails the test. */
export function thrownApiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

/** The ApiError `promise` rejects with; any other error is rethrown, and resolving fails the test. */
export async function rejectedApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}
