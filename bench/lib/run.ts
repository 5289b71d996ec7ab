/**
 * Runs a benchmark's `main` and sets the process's exit code from its answer; an unexpected error
 * is printed with its stack and exits 2 (a broken benchmark, not a missed target).
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 2;
    },
  );
}
