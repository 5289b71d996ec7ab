/**
 * What a stopping server must finish, in order: the requests it is answering; then what it holds
 * in memory for the database (queued ingest commits, buffered key uses); then the database itself,
 * which everything before may still need.
 */
export const DRAIN_STAGES = ["requests", "buffers", "database"] as const;
export type DrainStage = (typeof DRAIN_STAGES)[number];

export type DrainHook = () => void | Promise<void>;

interface Registered {
  stage: DrainStage;
  name: string;
  run: DrainHook;
}

export interface DrainOutcome {
  /** False when the deadline passed first; the process should then exit anyway. */
  finished: boolean;
  /** Hooks that threw or rejected; later stages ran regardless. */
  failed: { name: string; error: unknown }[];
  /** Hooks still running, or not started, when the deadline passed. */
  unfinished: string[];
  durationMs: number;
}

/**
 * Drain hooks registered by the modules that hold something (each registers itself on first use),
 * run once at shutdown: stage after stage, the hooks of one stage together, all within a deadline.
 */
export class DrainRegistry {
  private readonly hooks: Registered[] = [];
  private draining: Promise<DrainOutcome> | undefined;
  private began: number | null = null;

  /** When shutdown began (epoch ms), or null while serving. */
  get startedAt(): number | null {
    return this.began;
  }

  add(stage: DrainStage, name: string, run: DrainHook): void {
    this.hooks.push({ stage, name, run });
  }

  /** Runs every hook once; a second call (a second signal) gets the first call's outcome. */
  drain(timeoutMs: number, now = Date.now()): Promise<DrainOutcome> {
    if (!this.draining) {
      this.began = now;
      this.draining = this.runStages(timeoutMs);
    }
    return this.draining;
  }

  private async runStages(timeoutMs: number): Promise<DrainOutcome> {
    const startedAt = performance.now();
    const failed: DrainOutcome["failed"] = [];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), timeoutMs);
    });
    const outcome = (finished: boolean, unfinished: string[]) => ({ finished, failed, unfinished, durationMs: performance.now() - startedAt });
    try {
      for (const [index, stage] of DRAIN_STAGES.entries()) {
        // Read when the stage starts: a module first used during an earlier stage has registered by now.
        const hooks = this.hooks.filter((hook) => hook.stage === stage);
        const running = new Set(hooks);
        const settled = Promise.all(
          hooks.map(async (hook) => {
            try {
              await hook.run();
            } catch (error) {
              failed.push({ name: hook.name, error });
            } finally {
              running.delete(hook);
            }
          }),
        );
        if ((await Promise.race([settled, deadline])) === "deadline") {
          const later = new Set<DrainStage>(DRAIN_STAGES.slice(index + 1));
          const notStarted = this.hooks.filter((hook) => later.has(hook.stage));
          return outcome(false, [...running, ...notStarted].map((hook) => hook.name));
        }
      }
      return outcome(true, []);
    } finally {
      clearTimeout(timer);
    }
  }
}

// On globalThis: instrumentation and every route bundle carry their own copy of this module, and
// the signal handler (instrumentation's) must run the hooks the routes' modules registered.
const globalForDrains = globalThis as unknown as { errataDrains?: DrainRegistry };

/** The process's registry. */
export const processDrains: DrainRegistry = (globalForDrains.errataDrains ??= new DrainRegistry());

/** Registers something to finish before the process exits (see DRAIN_STAGES for the order). */
export function onShutdown(stage: DrainStage, name: string, run: DrainHook): void {
  processDrains.add(stage, name, run);
}

/** When this process began shutting down, or null while it serves. */
export function shutdownStartedAt(): number | null {
  return processDrains.startedAt;
}
