import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error the gateway answers with; the HTTP status follows from the code. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_filter_field: 400,
  invalid_selection_field: 400,
  invalid_sort_field: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type handlers throw. `onError` renders it as `imsx_StatusInfo` on OneRoster
 * paths and as RFC 9457 problem details elsewhere.
 *
 * @example
 * throw new ApiError("not_found", `Unknown Object: user ${id}`);
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(ERROR_STATUS[code], { message });
    this.code = code;
    this.headers = headers;
  }
}

/** Seconds a client is asked to wait when the database could not take its request. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer when the database is out of connections, timed out, restarting or unreachable:
 * nothing was done, and the same request may be sent again.
 */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    "unavailable",
    `The database is busy or unreachable, so the request was not processed. Retry after ${DATABASE_RETRY_AFTER_SECONDS} s.`,
    { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}
