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
/**
 * Ids with the prefix written another way (`request_8a3f…`, `rq-8a3f…`, `req:8a3f…`), or none at all
 * but plainly machine-made (16+ hex characters): kept as written, so the search can say "did you mean
 * req_…?" instead of searching the ticket's words.
 */
const OTHER_PREFIX_ID_IN_TEXT = /\b(?:request|reqid|req|rq)[-_:](?=[A-Za-z0-9_\-.:]*\d)[A-Za-z0-9](?:[A-Za-z0-9_\-.:]*[A-Za-z0-9])?(\.{2,}|…)?/gi;
const BARE_HEX_ID_IN_TEXT = /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}\b(\.{2,}|…)?/gi;
/** A lone token in the id alphabet, possibly truncated: what agents paste when it is just the id. */
const LONE_ID = /^([A-Za-z0-9_\-.:]*[A-Za-z0-9])(\.{2,}|…)?$/;
/** Quotes, brackets and backticks that tickets and chat tools wrap around ids. */
const WRAPPERS = /^[\s"'`“”‘’<>()[\]{}]+|[\s"'`“”‘’<>()[\]{},;]+$/g;

/** Fewer characters than this after `req_` would match far too many ids to be useful. */
export const MIN_REQ_PREFIX_CHARS = 4;
const MIN_LONE_TOKEN_CHARS = 6;
/** An id written with another prefix needs this much after it: `request_id` is a field name, not an id. */
const MIN_OTHER_PREFIX_BODY_CHARS = 8;

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

/** An id found in the text, with where it starts, so ids of several forms keep the text's order. */
interface Located {
  index: number;
  candidate: RequestIdCandidate;
}

function located(match: RegExpMatchArray, value: string): Located {
  return { index: match.index ?? 0, candidate: { value, truncated: match[1] !== undefined } };
}

function withoutEllipsis(raw: string): string {
  return raw.replace(/(\.{2,}|…)$/, "");
}

/** What follows an id's prefix, in lower case: `request_8A3F` and `req_8a3f` name the same id. */
function bodyOf(id: string): string {
  return id.replace(/^[A-Za-z]+[-_:]/, "").toLowerCase();
}

function reqIds(text: string): Located[] {
  return [...text.matchAll(REQ_ID_IN_TEXT)]
    .map((match) => located(match, normalizeReqPrefix(withoutEllipsis(match[0]))))
    .filter(({ candidate }) => candidate.value.length - 4 >= MIN_REQ_PREFIX_CHARS);
}

function otherPrefixIds(text: string): (Located & { length: number })[] {
  return [...text.matchAll(OTHER_PREFIX_ID_IN_TEXT)]
    .map((match) => ({ ...located(match, withoutEllipsis(match[0])), length: match[0].length }))
    .filter(({ candidate }) => !/^req_/i.test(candidate.value) && bodyOf(candidate.value).length >= MIN_OTHER_PREFIX_BODY_CHARS);
}

/** Bare hex ids, except the body of an id already found with a prefix (`request-8a3f…`). */
function bareHexIds(text: string, prefixed: readonly (Located & { length: number })[]): Located[] {
  const inside = (index: number) => prefixed.some((found) => index >= found.index && index < found.index + found.length);
  return [...text.matchAll(BARE_HEX_ID_IN_TEXT)].filter((match) => !inside(match.index ?? 0)).map((match) => located(match, withoutEllipsis(match[0])));
}

/**
 * Finds the request ids in what an agent pasted: one id, a truncated id, an id wrapped in quotes, or
 * a whole ticket mentioning several. Ids written with another prefix (`request_…`, `rq-…`) are kept
 * as written, for the search to suggest the `req_` form; bare hex ids count only in text without a
 * `req_` id, where they are likely the id rather than some hash. Otherwise text is taken as one id
 * when it is a single token that looks like one.
 */
export function extractRequestIds(text: string): RequestIdCandidate[] {
  const req = reqIds(text);
  const reqBodies = new Set(req.map(({ candidate }) => bodyOf(candidate.value)));
  // An id quoted twice, once as `req_…` and once as `request_…`, is one id.
  const other = otherPrefixIds(text).filter(({ candidate }) => !reqBodies.has(bodyOf(candidate.value)));
  const found = [...req, ...other, ...(req.length > 0 ? [] : bareHexIds(text, other))];
  if (found.length > 0) return dedupe(found.sort((a, b) => a.index - b.index).map(({ candidate }) => candidate));

  const token = text.replace(WRAPPERS, "");
  const lone = LONE_ID.exec(token);
  // A `req_` token reaching here was refused above as too short to search by; don't readmit it.
  if (lone?.[1] && lone[1].length >= MIN_LONE_TOKEN_CHARS && /\d/.test(lone[1]) && !/^req_/i.test(lone[1])) {
    return [{ value: lone[1], truncated: lone[2] !== undefined }];
  }
  return [];
}
