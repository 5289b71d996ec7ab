import type { Random } from "./random";

/** One endpoint of the (fictional) music-registration API whose errors the demo simulates. */
export interface Route {
  service: string;
  method: string;
  /** `{registration_id}`, `{job_id}`, `{work_id}` and `{org_id}` are filled per event. */
  path: string;
}

const prepare: Route = { service: "registry-api", method: "POST", path: "/v1/registrations/prepare" };
const confirm: Route = { service: "registry-api", method: "POST", path: "/v1/registrations/{registration_id}/confirm" };
const getRegistration: Route = { service: "registry-api", method: "GET", path: "/v1/registrations/{registration_id}" };
const listRegistrations: Route = { service: "registry-api", method: "GET", path: "/v1/registrations" };
const getWork: Route = { service: "registry-api", method: "GET", path: "/v1/works/{work_id}" };
const createUpload: Route = { service: "upload-service", method: "POST", path: "/v1/uploads" };
const putAudio: Route = { service: "upload-service", method: "PUT", path: "/v1/uploads/{job_id}/audio" };
const getUpload: Route = { service: "upload-service", method: "GET", path: "/v1/uploads/{job_id}" };
const createKey: Route = { service: "console-api", method: "POST", path: "/v1/orgs/{org_id}/api-keys" };
const listKeys: Route = { service: "console-api", method: "GET", path: "/v1/orgs/{org_id}/api-keys" };
const usage: Route = { service: "console-api", method: "GET", path: "/v1/orgs/{org_id}/usage" };
const orgWorks: Route = { service: "registry-api", method: "GET", path: "/v1/orgs/{org_id}/works" };

/** Route groups, each listed with repeats where one endpoint carries most of the traffic. */
export const routes = {
  prepare: [prepare],
  confirm: [confirm],
  upload: [createUpload, createUpload, putAudio],
  audio: [putAudio, putAudio, createUpload],
  registrationInput: [prepare, prepare, prepare, createUpload],
  keyManagement: [createKey],
  /** Endpoints naming an organization in the URL: the only ones that can report org_mismatch. */
  orgScoped: [createKey, listKeys, usage, orgWorks],
  /** Where credits are checked: registering a work costs them. */
  registrationWrite: [prepare, prepare, confirm],
  /** Metered endpoints: quotas count registrations and uploads. */
  metered: [prepare, prepare, createUpload],
  lookup: [getRegistration, getWork, getUpload, confirm],
  /** Any authenticated call, weighted towards the busy write paths. */
  any: [prepare, prepare, prepare, confirm, createUpload, createUpload, putAudio, getRegistration, listRegistrations, getWork, getUpload, usage],
} as const satisfies Record<string, readonly Route[]>;

export type RouteGroup = keyof typeof routes;

/** Fills a route's placeholders with plausible ids; `{org_id}` becomes `orgId`. */
export function fillPath(path: string, orgId: string, random: Random): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "org_id") return orgId;
    if (name === "registration_id") return `reg_${random.hex(16)}`;
    if (name === "job_id") return `job_${random.hex(16)}`;
    return `wrk_${random.hex(12)}`;
  });
}
