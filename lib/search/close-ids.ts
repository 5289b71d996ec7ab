/**
 * Ids one typing mistake away from what a customer quoted: the pure half of "did you mean …?".
 * The store is asked only about the variants generated here (index lookups), never scanned.
 */

/** Every character the ingest API allows in a request id. */
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-.:";
const LOWER_HEX = "0123456789abcdef";
const UPPER_HEX = "0123456789ABCDEF";

/** Fewer characters than this after the prefix, and one edit away matches too many ids to suggest any. */
export const MIN_CLOSE_ID_BODY = 8;

/**
 * `req_`, and prefixes customers or services write instead (`request_`, `rq-`, `REQ:`). A letter
 * past `f` tells a word from the first group of a hex id or a UUID (`deadbeef-…`).
 */
const PREFIX = /^(?=[A-Za-z]*[g-zG-Z])[A-Za-z]{1,10}[_:.-]/;
const REQ_PREFIX = "req_";

function splitPrefix(id: string): { prefix: string; body: string } {
  const match = PREFIX.exec(id);
  return match ? { prefix: match[0], body: id.slice(match[0].length) } : { prefix: "", body: id };
}

/**
 * The characters a mistaken one may have replaced. Stored ids are usually hex, so a hex body is
 * searched in hex (about five times fewer lookups); anything else in the whole id alphabet.
 */
function alphabetFor(body: string): string {
  if (/^[0-9a-f]+$/.test(body)) return LOWER_HEX;
  if (/^[0-9A-F]+$/.test(body)) return UPPER_HEX;
  return ID_ALPHABET;
}

/**
 * Every id one edit from `id` after its prefix: a character replaced, missing, extra, or two
 * neighbours swapped. Edits to the prefix are `prefixVariants`' job. Empty for short ids.
 */
export function oneEditVariants(id: string): string[] {
  const { prefix, body } = splitPrefix(id);
  if (body.length < MIN_CLOSE_ID_BODY) return [];
  const alphabet = alphabetFor(body);
  const variants = new Set<string>();
  for (let i = 0; i <= body.length; i += 1) {
    const head = body.slice(0, i);
    for (const char of alphabet) variants.add(head + char + body.slice(i));
    if (i === body.length) break;
    const tail = body.slice(i + 1);
    variants.add(head + tail);
    for (const char of alphabet) if (char !== body[i]) variants.add(head + char + tail);
    if (i + 1 < body.length) variants.add(head + body[i + 1] + body[i] + body.slice(i + 2));
  }
  variants.delete(body);
  return [...variants].map((variant) => prefix + variant);
}

/**
 * The id written with the prefix Errata's services use, and in the other letter case: `request_8a3f…`,
 * `rq-8a3f…` or a bare `8a3f…` become `req_8a3f…`; `req_8A3F…` becomes `req_8a3f…`; `req_8a3f…`
 * is also tried bare, for services that send ids without a prefix.
 */
export function prefixVariants(id: string): string[] {
  const { prefix, body } = splitPrefix(id);
  if (body.length < MIN_CLOSE_ID_BODY) return [];
  const bodies = [body, body.toLowerCase(), body.toUpperCase()];
  const variants = new Set<string>(bodies.map((variant) => REQ_PREFIX + variant));
  if (prefix.toLowerCase() === REQ_PREFIX) for (const variant of bodies) variants.add(variant);
  variants.delete(id);
  return [...variants];
}

/** Where two ids differ: the stretch of `suggested` between their common start and common end. */
export function differingSpan(given: string, suggested: string): { start: number; end: number } {
  let start = 0;
  while (start < given.length && start < suggested.length && given[start] === suggested[start]) start += 1;
  let fromEnd = 0;
  while (
    fromEnd < given.length - start &&
    fromEnd < suggested.length - start &&
    given[given.length - 1 - fromEnd] === suggested[suggested.length - 1 - fromEnd]
  ) {
    fromEnd += 1;
  }
  return { start, end: suggested.length - fromEnd };
}
