import { createLoader, parseAsString } from "nuqs/server";

/** The ingest trail's filters, kept in the URL so a filtered view can be shared (e.g. from a search result). */
export const trailParams = {
  key: parseAsString.withDefault(""),
  code: parseAsString.withDefault(""),
  request_id: parseAsString.withDefault(""),
};

export const loadTrailParams = createLoader(trailParams);
