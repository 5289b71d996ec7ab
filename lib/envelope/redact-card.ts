/** Card numbers: 13–19 digits, optionally grouped by single spaces or dashes. */
const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;
/** A run of digit groups; each repetition must consume a separator, so matching stays linear. */
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;
/** A run touching letters or `_` is part of an identifier (`req_4111…`, hex ids), never a card. */
const IDENTIFIER_CHAR = /[A-Za-z_]/;
/**
 * Issuers' major industry identifiers 2–6 (Mastercard 2/5, Amex/Diners/JCB 3, Visa 4, Discover and
 * UnionPay 6). It keeps epoch timestamps (13-digit milliseconds and 16-digit microseconds start with
 * 1 until 2033) from being redacted one time in ten by the Luhn check alone.
 */
const CARD_FIRST_DIGIT = /^[2-6]/;

/** The Luhn checksum every payment card number satisfies, and nine in ten other digit strings fail. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isCardNumber(digits: string): boolean {
  return (
    digits.length >= MIN_CARD_DIGITS &&
    digits.length <= MAX_CARD_DIGITS &&
    CARD_FIRST_DIGIT.test(digits) &&
    luhnValid(digits)
  );
}

/** The last four digits stay: support can still say "the card ending 4242", as receipts do. */
export function cardMarker(digits: string, redacted: string): string {
  return `${redacted}…${digits.slice(-4)}`;
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * Within one run of digit groups, replaces the longest card-like stretch starting at each group. A
 * card can sit next to other numbers (`4242 4242 4242 4242 12/26`), so stretches end at separators.
 */
function redactRun(run: string, redacted: string): string {
  const groups: Group[] = [];
  for (const match of run.matchAll(/\d+/g)) groups.push({ start: match.index, end: match.index + match[0].length, digits: match[0] });
  let out = "";
  let copied = 0;
  let first = 0;
  while (first < groups.length) {
    let digits = "";
    let found = -1;
    let foundDigits = "";
    for (let last = first; last < groups.length; last += 1) {
      digits += groups[last]?.digits ?? "";
      if (digits.length > MAX_CARD_DIGITS) break;
      if (isCardNumber(digits)) {
        found = last;
        foundDigits = digits;
      }
    }
    const start = groups[first];
    const end = groups[found];
    if (!start || !end) {
      first += 1;
      continue;
    }
    out += run.slice(copied, start.start) + cardMarker(foundDigits, redacted);
    copied = end.end;
    first = found + 1;
  }
  return out + run.slice(copied);
}

/** Replaces card-number-like digit runs in free text, keeping their last four digits. */
export function redactCardNumbers(text: string, redacted: string): string {
  return text.replace(DIGIT_RUN, (run: string, offset: number) => {
    if (IDENTIFIER_CHAR.test(text.charAt(offset - 1)) || IDENTIFIER_CHAR.test(text.charAt(offset + run.length))) return run;
    return redactRun(run, redacted);
  });
}
