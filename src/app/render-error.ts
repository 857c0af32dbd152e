import { DrizzleQueryError } from "drizzle-orm";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { EDFI_BASE_PATH, edfiProblem } from "../edfi/index.ts";
import { ApiError, databaseUnavailable, ERROR_STATUS, type ErrorCode } from "../kernel/errors.ts";
import { BASE_PATHS, CODE_MINORS, SERVICES } from "../oneroster/index.ts";

/** 1.2 code-minor spellings (imsx_codeMinorFieldValue) for each of our codes. */
const CODE_MINOR: Record<ErrorCode, string> = {
  bad_request: "invaliddata",
  invalid_filter_field: "invalid_filter_field",
  invalid_selection_field: "invalid_selection_field",
  invalid_sort_field: "invalid_sort_field",
  unauthorized: "unauthorisedrequest",
  forbidden: "forbidden",
  not_found: "unknownobject",
  conflict: "invaliddata",
  payload_too_large: "invaliddata",
  unsupported_media_type: "invaliddata",
  unprocessable: "invaliddata",
  rate_limited: "server_busy",
  internal: "internal_server_error",
  not_implemented: "unsupported",
  unavailable: "server_busy",
};

const ONEROSTER_PREFIX = "/ims/oneroster/";

/** Maps anything thrown to our error model; internals of unexpected errors never leave. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find(
      (c) => ERROR_STATUS[c] === error.status,
    );
    return new ApiError(code ?? "bad_request", error.message || "The request was not accepted.");
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return new ApiError("internal", "The server failed to process the request. It has been logged.");
}

/**
 * The code minor in the vocabulary of the service the path belongs to (the rostering one
 * outside any service). Only Resources knows `invalid_sort_field`; elsewhere a bad sort is a
 * bad selection.
 */
function codeMinorFor(path: string, code: ErrorCode): string {
  const service = SERVICES.find((name) => path.startsWith(`${BASE_PATHS[name]}/`)) ?? "rostering";
  const vocabulary: readonly string[] = CODE_MINORS[service];
  const minor = CODE_MINOR[code];
  if (vocabulary.includes(minor)) return minor;
  return minor === "invalid_sort_field" ? "invalid_selection_field" : "invaliddata";
}

export function imsxStatusInfo(error: ApiError, path: string) {
  return {
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: error.message,
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        {
          imsx_codeMinorFieldName: "TargetEndSystem",
          imsx_codeMinorFieldValue: codeMinorFor(path, error.code),
        },
      ],
    },
  };
}

/** The single error renderer of the application (Hono `onError`). */
export function renderError(error: unknown, c: Context): Response {
  const apiError = toApiError(error);
  if (apiError.code === "internal" || apiError !== error) {
    // Only the error's class and message: request bodies and student data never reach the log.
    console.error(`[error] ${c.req.method} ${c.req.path}: ${describe(error)}`);
  }
  const headers = { ...apiError.headers };
  if (c.req.path.startsWith(ONEROSTER_PREFIX)) {
    return c.json(imsxStatusInfo(apiError, c.req.path), ERROR_STATUS[apiError.code], headers);
  }
  if (c.req.path === EDFI_BASE_PATH || c.req.path.startsWith(`${EDFI_BASE_PATH}/`)) {
    return c.json(edfiProblem(apiError, crypto.randomUUID()), ERROR_STATUS[apiError.code], {
      ...headers,
      "content-type": "application/problem+json",
    });
  }
  return c.json(
    {
      type: `https://tsa-coach.dev/problems/${apiError.code}`,
      title: apiError.code.replaceAll("_", " "),
      status: ERROR_STATUS[apiError.code],
      detail: apiError.message,
      code: apiError.code,
    },
    ERROR_STATUS[apiError.code],
    { ...headers, "content-type": "application/problem+json" },
  );
}

/**
 * What the log may say about an error. A failed query carries its bound parameters (filter
 * values, sourcedIds of students), so only the database's own error is logged for it.
 */
function describe(error: unknown): string {
  if (error instanceof DrizzleQueryError && error.cause instanceof Error) {
    const code = (error.cause as { code?: unknown }).code;
    return `query failed: ${error.cause.name}${code ? ` ${String(code)}` : ""}: ${error.cause.message}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
