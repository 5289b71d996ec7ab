/**
 * The request id of the page's address. Ids never contain `%`, so decoding is safe whether or not
 * the router already did it; an address that is not valid percent-encoding is taken as it is.
 */
export function decodeRequestIdParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
