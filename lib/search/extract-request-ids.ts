/** A request id found in pasted text. */
export interface RequestIdCandidate {
  /** The id, or the part of it that was given. */
  value: string;
  /** True when the text marked it as cut short (`req_8a3f...`, `req_8a3f…`). */
  truncated: boolean;
}

/**
 * `req_` ids inside free text. The id alphabet includes `.`, so the pattern must end on a letter or
 * digit: that keeps a sentence's full stop, or a truncation's `...`, out of the id.
 */
const REQ_ID_IN_TEXT = /\breq_(?:[A-Za-z0-9_\-.:]*[A-Za-z0-9])?(\.{2,}|…)?/gi;
/** A lone token in the id alphabet, possibly truncated: what agents paste when it is just the id. */
const LONE_ID = /^([A-Za-z0-9_\-.:]*[A-Za-z0-9])(\.{2,}|…)?$/;
/** Quotes, brackets and backticks that tickets and chat tools wrap around ids. */
const WRAPPERS = /^[\s"'`“”‘’<>()[\]{}]+|[\s"'`“”‘’<>()[\]{},;]+$/g;

/** Fewer characters than this after `req_` would match far too many ids to be useful. */
export const MIN_REQ_PREFIX_CHARS = 4;
const MIN_LONE_TOKEN_CHARS = 6;

function normalizeReqPrefix(id: string): string {
  return `req_${id.slice(4)}`;
}

/** Keeps the first of each id, and drops a truncated id once the full id it abbreviates is present. */
function dedupe(candidates: RequestIdCandidate[]): RequestIdCandidate[] {
  const seen = new Set<string>();
  const unique = candidates.filter((candidate) => {
    const key = `${candidate.value}|${candidate.truncated}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.filter(
    (candidate) =>
      !candidate.truncated ||
      !unique.some((other) => !other.truncated && other.value.startsWith(candidate.value)),
  );
}

/**
 * Finds the request ids in what an agent pasted: one id, a truncated id, an id wrapped in quotes, or
 * a whole ticket mentioning several. Text with no `req_` id is taken as one id when it is a single
 * token that looks like one.
 */
export function extractRequestIds(text: string): RequestIdCandidate[] {
  const found: RequestIdCandidate[] = [];
  for (const match of text.matchAll(REQ_ID_IN_TEXT)) {
    const value = normalizeReqPrefix(match[0].replace(/(\.{2,}|…)$/, ""));
    if (value.length - 4 >= MIN_REQ_PREFIX_CHARS) found.push({ value, truncated: match[1] !== undefined });
  }
  if (found.length > 0) return dedupe(found);

  const token = text.replace(WRAPPERS, "");
  const lone = LONE_ID.exec(token);
  // A `req_` token reaching here was refused above as too short to search by; don't readmit it.
  if (lone?.[1] && lone[1].length >= MIN_LONE_TOKEN_CHARS && /\d/.test(lone[1]) && !/^req_/i.test(lone[1])) {
    return [{ value: lone[1], truncated: lone[2] !== undefined }];
  }
  return [];
}
