import { z } from "zod";
import { defineEntry, nonEmptyText, openDetails } from "../define";
import { quote } from "../format";
import type { CatalogEntry } from "../types";
import { registrationUploadEntries } from "./registration-upload";

const base = { family: "registration", origin: "api", returnedByErrata: false } as const;

const inputEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    code: "registration.title_required",
    httpStatus: 422,
    title: "Work title missing",
    meaning: "title is empty / whitespace-only",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The work's title was sent empty or as spaces only, typically from a form field left blank.",
      "The integration maps the title into another field (`name`, `track_title`), so `title` arrives empty.",
      "Titles are read from the audio's embedded tags and this file has none, with no fallback.",
    ],
    customerReply:
      "The registration couldn't be created because the work has no title. Please add a title (it can't be blank or only spaces) and submit it again.",
    engineerChecks: [
      "Inspect the body the integration built: `title` must be present and non-blank after trimming.",
      "If titles come from ID3 or other embedded tags, find the files without tags and add a check before calling the API.",
    ],
    retry: { verdict: "after_fix", advice: "Add the title, then resend; the same body is rejected every time." },
  }),
  defineEntry({
    ...base,
    code: "registration.filename_required",
    httpStatus: 422,
    title: "File name missing",
    meaning: "filename is empty",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The audio is uploaded from an in-memory buffer or stream that has no name, and the client sends an empty filename.",
      "The client derives the name from a path that ends in a separator, leaving an empty string.",
    ],
    customerReply:
      "The audio upload arrived without a file name, so we couldn't accept it. Please make sure the file is uploaded with its name (for example \"track-01.wav\") and try again.",
    engineerChecks: [
      "If the caller uploads from a buffer or stream, check that the SDK call sets an explicit filename.",
      "Log the filename value the client sends and how it is derived from the local path.",
    ],
    retry: { verdict: "after_fix", advice: "Send a non-empty filename, then retry the upload." },
  }),
  defineEntry({
    ...base,
    code: "registration.creators_required",
    httpStatus: 422,
    title: "No creators listed",
    meaning: "creators array is empty",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The work was submitted with no creators (composer, author or performer) listed.",
      "Client-side filtering dropped every creator, e.g. entries without an identifier, instead of reporting them.",
      "The integration puts people under another key (`artists`), leaving `creators` empty.",
    ],
    customerReply:
      "A registration needs at least one creator of the work, such as the composer or performer, and this request listed none. Please add the work's creators and submit it again.",
    engineerChecks: [
      "Log the number of creators right before the API call and trace where the list becomes empty.",
      "Check the client's creator filtering; silently dropped entries should surface as an error to the user.",
    ],
    retry: { verdict: "after_fix", advice: "Add at least one creator, then resend." },
  }),
  defineEntry({
    ...base,
    code: "registration.commitment_invalid",
    httpStatus: 422,
    title: "Commitment failed validation",
    meaning: "Server-side commitment failed validation (rare)",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "An inconsistency on our side while computing the work's commitment, such as mixed versions during a deploy.",
      "Unusual input, e.g. titles or creator names with zero-width or unnormalised Unicode characters, hashed differently between steps.",
      "The uploaded audio changed between steps, so the commitment no longer matches it.",
    ],
    customerReply:
      "Something went wrong on our side while preparing this registration, and it was stopped before anything was recorded. Please try submitting it once more; if it fails again, reply with the request ID from the error and we'll investigate.",
    engineerChecks: [
      "Pull the server-side trace for the request_id to see which validation step rejected the commitment, and on which inputs.",
      "Check whether a deploy was in progress at the event's time.",
      "Look for non-ASCII or invisible characters in the title and creator names of the submission.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "One fresh attempt is reasonable; if it fails again with the same inputs, escalate with the request_id instead of looping.",
    },
  }),
];

const chainEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    code: "registration.dry_run_failed",
    httpStatus: 422,
    title: "Chain dry-run rejected",
    meaning: "Chain dry-run rejected the submission — details.reason",
    detailsFields: [{ name: "reason", type: "string", meaning: "Why the chain's dry-run rejected the submission.", customerSafe: true }],
    detailsSchema: z.looseObject({ reason: nonEmptyText }),
    causes: [
      "The organization's balance cannot pay for the on-chain registration (\"insufficient balance to register work\").",
      "The chain's rules reject this submission, e.g. the same work is already registered.",
      "Chain-side conditions at submission time; details.reason carries the chain's own wording.",
    ],
    customerReply:
      "Before recording a registration on chain we simulate it, and the simulation was rejected, so nothing was submitted. If the cause isn't clear from the error message, let us know and we'll look at it with you.",
    engineerChecks: [
      "Read details.reason: a balance or credit reason means checking the organization's balance; anything else needs the dry-run trace for the request_id.",
      "If the reason points at an existing registration, search for an earlier successful registration of the same work.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Resolve the reason (e.g. top up the balance) first; the same submission gets the same dry-run result.",
    },
    explain: ({ reason }) => ({
      summary: `The chain dry-run rejected the submission: ${quote(reason)}.`,
      notes: [{ field: "reason", value: reason, note: "The dry-run's reason for rejecting the submission." }],
      customerReply: `Before recording a registration on chain we simulate it, and the simulation was rejected with the reason ${quote(reason)}, so nothing was submitted. Once that is resolved — for example by topping up your balance if it is too low — please submit the registration again.`,
      retryAdvice: `Resolve ${quote(reason)} first; resubmitting unchanged gets the same dry-run result.`,
    }),
  }),
  defineEntry({
    ...base,
    code: "registration.prepared_not_found",
    httpStatus: 404,
    title: "Prepared registration not found",
    meaning: "confirm called after the prepare TTL expired or already confirmed once",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "confirm arrived after the prepare TTL, e.g. while waiting for a person to approve the registration.",
      "confirm was sent twice — a retry after a timeout or a double click — and the first one already succeeded.",
      "The client passed the id of a different prepared job to confirm.",
    ],
    customerReply:
      "This registration couldn't be confirmed because its prepared step is no longer available: either it was already confirmed, or it expired first. Please check your registrations list — if the work is there, nothing more is needed; otherwise start the registration again.",
    engineerChecks: [
      "Search for an earlier confirm on the same job: if it succeeded, this error is a harmless duplicate and the client should treat it as done.",
      "Compare the time between prepare and this confirm with the prepare TTL.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Never repeat confirm on this job. Check whether the first confirm succeeded; if not, prepare again and confirm within the TTL.",
    },
  }),
  defineEntry({
    ...base,
    code: "registration.prepared_forbidden",
    httpStatus: 403,
    title: "Prepared registration owned by someone else",
    meaning: "Caller doesn’t own this prepared job",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "prepare and confirm run in different services configured with keys of different organizations.",
      "A prepared job id crossed tenants through a shared queue or cache.",
    ],
    customerReply:
      "This registration was prepared by a different account than the one trying to confirm it. Please confirm it with the same API key and organization that prepared it, or prepare it again from this account.",
    engineerChecks: [
      "Compare the organization that ran prepare for this job with the organization of the confirming key.",
      "Check whether the prepare and confirm steps read their credentials from different configuration.",
    ],
    retry: { verdict: "after_fix", advice: "Confirm with the preparing organization's key; retrying as is cannot succeed." },
  }),
];

/** All registration codes in seed order. */
export const registrationEntries: readonly CatalogEntry[] = [...inputEntries, ...registrationUploadEntries, ...chainEntries];
