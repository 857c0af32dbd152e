import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, ERROR_STATUS, type ErrorCode } from "./errors.ts";

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
  return new ApiError("internal", "The server failed to process the request. It has been logged.");
}

export function imsxStatusInfo(error: ApiError) {
  return {
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: error.message,
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        {
          imsx_codeMinorFieldName: "TargetEndSystem",
          imsx_codeMinorFieldValue: CODE_MINOR[error.code],
        },
      ],
    },
  };
}

/** The single error renderer of the application (Hono `onError`). */
export function renderError(error: unknown, c: Context): Response {
  const apiError = toApiError(error);
  if (apiError.code === "internal") {
    // Only the error's class and message: request bodies and student data never reach the log.
    console.error(`[error] ${c.req.method} ${c.req.path}: ${describe(error)}`);
  }
  const headers = { ...apiError.headers };
  if (c.req.path.startsWith(ONEROSTER_PREFIX)) {
    return c.json(imsxStatusInfo(apiError), ERROR_STATUS[apiError.code], headers);
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
