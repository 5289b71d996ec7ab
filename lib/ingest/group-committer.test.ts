import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewEvent, StoreResult, Submission } from "@/db/queries/events";
import { ApiError } from "@/lib/http/api-error";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { GroupCommitter, type GroupCommitOptions } from "./group-committer";

const T0 = Date.UTC(2026, 10, 26, 14);

function events(count: number, tag = "e"): NewEvent[] {
  return Array.from({ length: count }, (_, n) => storedEventInput({ requestId: `${tag}_${n}` }));
}

/** A store that remembers each call's submissions and accepts everything. */
function recordingStore() {
  const calls: Submission[][] = [];
  const store = vi.fn(async (submissions: readonly Submission[]): Promise<StoreResult[]> => {
    calls.push([...submissions]);
    return submissions.map((s) => ({ accepted: s.events.length, duplicates: 0 }));
  });
  return { calls, store };
}

function committer(options: Partial<GroupCommitOptions> & Pick<GroupCommitOptions, "store">) {
  return new GroupCommitter({ windowMs: 2, maxEventsPerCommit: 100, maxQueuedEvents: 1000, ...options });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("GroupCommitter", () => {
  it("stores submissions arriving within the window in one call and answers each with its own counts", async () => {
    const { calls, store } = recordingStore();
    const group = committer({ store });
    const answers = Promise.all([group.commit(events(1, "a"), T0), group.commit(events(3, "b"), T0 + 1), group.commit(events(2, "c"), T0 + 1)]);
    expect(store).not.toHaveBeenCalled(); // nothing is written before the window closes
    expect(await answers).toEqual([
      { accepted: 1, duplicates: 0 },
      { accepted: 3, duplicates: 0 },
      { accepted: 2, duplicates: 0 },
    ]);
    expect(store).toHaveBeenCalledTimes(1);
    expect(calls[0]?.map((s) => [s.events.length, s.receivedAt])).toEqual([
      [1, T0],
      [3, T0 + 1],
      [2, T0 + 1],
    ]);
  });

  it("answers no caller before the transaction has run", async () => {
    vi.useFakeTimers();
    const { store } = recordingStore();
    const group = committer({ store, windowMs: 5 });
    let answered = false;
    void group.commit(events(1), T0).then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(4);
    expect({ answered, stored: store.mock.calls.length }).toEqual({ answered: false, stored: 0 });
    await vi.advanceTimersByTimeAsync(1);
    expect({ answered, stored: store.mock.calls.length }).toEqual({ answered: true, stored: 1 });
  });

  it("does not hold a lone request much longer than the window", async () => {
    const { store } = recordingStore();
    const group = committer({ store, windowMs: 2 });
    const started = performance.now();
    await group.commit(events(1), T0);
    // Timers fire no earlier than asked; the slack only absorbs a busy test machine.
    expect(performance.now() - started).toBeLessThan(2 + 25);
  });

  it("with a window of 0 commits on the next event-loop turn, still grouping what arrived together", async () => {
    const { store } = recordingStore();
    const group = committer({ store, windowMs: 0 });
    await Promise.all([group.commit(events(1, "a"), T0), group.commit(events(1, "b"), T0)]);
    expect(store).toHaveBeenCalledTimes(1);
  });

  it("commits at once when a group reaches the event cap, and never splits a submission", async () => {
    vi.useFakeTimers();
    const { calls, store } = recordingStore();
    const group = committer({ store, windowMs: 1000, maxEventsPerCommit: 10 });
    const answers = Promise.all([group.commit(events(6, "a"), T0), group.commit(events(6, "b"), T0), group.commit(events(3, "c"), T0)]);
    await vi.advanceTimersByTimeAsync(1); // far less than the 1 s window: the cap was reached
    expect(calls.map((call) => call.map((s) => s.events.length))).toEqual([[6], [6, 3]]);
    expect((await answers).map((a) => a.accepted)).toEqual([6, 6, 3]);
  });

  it("starts no commit while one is in flight, and then commits everything that arrived meanwhile together", async () => {
    let finishFirst: () => void = () => undefined;
    let running = 0;
    let mostAtOnce = 0;
    const store = vi.fn(async (submissions: readonly Submission[]): Promise<StoreResult[]> => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      if (store.mock.calls.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      running -= 1;
      return submissions.map((s) => ({ accepted: s.events.length, duplicates: 0 }));
    });
    const group = committer({ store, windowMs: 0 });
    const first = group.commit(events(1, "a"), T0);
    await vi.waitFor(() => expect(store).toHaveBeenCalledTimes(1));
    const later = [group.commit(events(1, "b"), T0), group.commit(events(2, "c"), T0)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store).toHaveBeenCalledTimes(1);
    finishFirst();
    expect((await Promise.all([first, ...later])).map((a) => a.accepted)).toEqual([1, 1, 2]);
    expect(store.mock.calls.map(([submissions]) => submissions.length)).toEqual([1, 2]);
    expect(mostAtOnce).toBe(1);
  });

  it("commits a submission larger than the cap alone", async () => {
    const { calls, store } = recordingStore();
    const group = committer({ store, maxEventsPerCommit: 10 });
    await Promise.all([group.commit(events(2, "a"), T0), group.commit(events(25, "b"), T0), group.commit(events(2, "c"), T0)]);
    expect(calls.map((call) => call.map((s) => s.events.length))).toEqual([[2], [25], [2]]);
  });

  it("gives every caller of a failed group the error, and carries on with the next group", async () => {
    const failure = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const store = vi.fn<(s: readonly Submission[]) => Promise<StoreResult[]>>().mockRejectedValueOnce(failure);
    store.mockImplementation(async (submissions) => submissions.map(() => ({ accepted: 1, duplicates: 0 })));
    const group = committer({ store });
    const outcomes = await Promise.allSettled([group.commit(events(1, "a"), T0), group.commit(events(1, "b"), T0)]);
    expect(outcomes).toEqual([
      { status: "rejected", reason: failure },
      { status: "rejected", reason: failure },
    ]);
    await expect(group.commit(events(1, "c"), T0)).resolves.toEqual({ accepted: 1, duplicates: 0 });
    expect(group.pendingEvents).toBe(0);
  });

  it("rejects every caller if the store answers for the wrong number of submissions", async () => {
    const group = committer({ store: async () => [{ accepted: 1, duplicates: 0 }] });
    const outcomes = await Promise.allSettled([group.commit(events(1, "a"), T0), group.commit(events(1, "b"), T0)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses at once with 503 and Retry-After when too many events are already waiting", async () => {
    const { store } = recordingStore();
    const group = committer({ store, maxEventsPerCommit: 1000, maxQueuedEvents: 10 });
    const first = group.commit(events(8, "a"), T0);
    const refused = group.commit(events(3, "b"), T0);
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    const error = (await refused.catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(503);
    expect(error.code).toBe("common.service_unavailable");
    expect(error.headers).toEqual({ "Retry-After": "1" });
    expect(error.details).toMatchObject({ reason: "ingest_queue_full", queued_events: 8, max_queued_events: 10 });
    await first;
    expect(store).toHaveBeenCalledTimes(1);
    // Once the queue drained, a submission larger than the whole queue bound is still admitted alone.
    await expect(group.commit(events(30, "c"), T0)).resolves.toEqual({ accepted: 30, duplicates: 0 });
  });
});

describe("GroupCommitter — drain (shutdown)", () => {
  it("commits what is queued at once, without waiting for the window, and resolves after that commit", async () => {
    const { calls, store } = recordingStore();
    const group = committer({ store, windowMs: 60_000 });
    const answers = Promise.all([group.commit(events(2, "a"), T0), group.commit(events(1, "b"), T0)]);
    const started = performance.now();
    await group.drain();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(calls.map((submissions) => submissions.length)).toEqual([2]);
    expect((await answers).map((answer) => answer.accepted)).toEqual([2, 1]);
  });

  it("waits for the commit in flight and for the groups queued behind it", async () => {
    let finishFirst = () => {};
    const store = vi.fn(async (submissions: readonly Submission[]): Promise<StoreResult[]> => {
      if (store.mock.calls.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      return submissions.map((s) => ({ accepted: s.events.length, duplicates: 0 }));
    });
    const group = committer({ store, windowMs: 0, maxEventsPerCommit: 2 });
    const first = group.commit(events(2, "a"), T0);
    await vi.waitFor(() => expect(store).toHaveBeenCalledTimes(1));
    const behind = [group.commit(events(2, "b"), T0), group.commit(events(2, "c"), T0)];
    let drained = false;
    const draining = group.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    finishFirst();
    await draining;
    expect(store).toHaveBeenCalledTimes(3);
    expect(group.pendingEvents).toBe(0);
    expect((await Promise.all([first, ...behind])).map((answer) => answer.accepted)).toEqual([2, 2, 2]);
  });

  it("refuses every later submission with 503 shutting_down and Retry-After, storing nothing of it", async () => {
    const { store } = recordingStore();
    const group = committer({ store });
    await group.drain();
    const refusal = await group.commit(events(1), T0).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    const error = refusal as ApiError;
    expect({ status: error.status, code: error.code, reason: error.details.reason }).toEqual({
      status: 503,
      code: "common.service_unavailable",
      reason: "shutting_down",
    });
    expect(Number(error.headers["Retry-After"])).toBeGreaterThan(0);
    expect(store).not.toHaveBeenCalled();
  });

  it("resolves even when the last commit fails: its callers get the error", async () => {
    const failure = Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" });
    const group = committer({ store: vi.fn().mockRejectedValue(failure), windowMs: 60_000 });
    const answer = group.commit(events(1), T0).catch((error: unknown) => error);
    await group.drain();
    expect(await answer).toBe(failure);
  });

  it("resolves at once when nothing is queued", async () => {
    const { store } = recordingStore();
    await committer({ store }).drain();
    expect(store).not.toHaveBeenCalled();
  });
});
