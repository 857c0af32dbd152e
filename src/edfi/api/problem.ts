import { ApiError, ERROR_STATUS, type ErrorCode } from "../../kernel/errors.ts";

/** The Ed-Fi problem `type` and `title` of each of our error codes (reference §3.6). */
const PROBLEMS: Record<ErrorCode, { type: string; title: string }> = {
  bad_request: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  invalid_filter_field: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  invalid_selection_field: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  invalid_sort_field: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  unauthorized: { type: "urn:ed-fi:api:security:authentication", title: "Authentication Failed" },
  forbidden: { type: "urn:ed-fi:api:security:authorization", title: "Authorization Denied" },
  not_found: { type: "urn:ed-fi:api:not-found", title: "Not Found" },
  conflict: { type: "urn:ed-fi:api:data-conflict", title: "Data Conflict" },
  payload_too_large: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  unsupported_media_type: {
    type: "urn:ed-fi:api:unsupported-media-type",
    title: "Unsupported Media Type",
  },
  unprocessable: { type: "urn:ed-fi:api:bad-request", title: "Bad Request" },
  rate_limited: { type: "urn:ed-fi:api:too-many-requests", title: "Too Many Requests" },
  internal: { type: "urn:ed-fi:api:system-error", title: "System Error" },
  not_implemented: { type: "urn:ed-fi:api:method-not-allowed", title: "Method Not Allowed" },
  unavailable: { type: "urn:ed-fi:api:service-unavailable", title: "Service Unavailable" },
};

/**
 * An error as Ed-Fi problem details (RFC 9457, ODS/API 7.2+ shape), served as
 * `application/problem+json` under the Ed-Fi base path.
 *
 * @example
 * edfiProblem(new ApiError("not_found", "No student with id …"))
 * // { type: "urn:ed-fi:api:not-found", title: "Not Found", status: 404, detail: "…", errors: ["…"] }
 */
export function edfiProblem(error: ApiError, correlationId: string) {
  const { type, title } = PROBLEMS[error.code];
  return {
    detail: error.message,
    type,
    title,
    status: ERROR_STATUS[error.code],
    correlationId,
    errors: [error.message],
  };
}

/** A 400 naming the query parameter to fix. */
export const badParameter = (message: string) => new ApiError("bad_request", message);
