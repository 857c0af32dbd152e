import type { Hook } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.ts";
import { ApiError } from "./errors.ts";

/** `{ content: { "application/json": { schema } }, description }` for route definitions. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
  })
  .openapi("Problem");

const problemResponse = (description: string) => ({
  content: { "application/problem+json": { schema: ProblemSchema } },
  description,
});

/** Every error status a gateway route answers with, described once for every route. */
export const ERROR_DESCRIPTIONS = {
  400: "The request is malformed; the message names what to fix",
  401: "No bearer token, or one that is expired, forged, or whose client was revoked or rotated",
  403: "The token lacks a scope the route needs (see its security requirement)",
  404: "No such object in the token's tenant",
  409: "The object's state does not allow this (the message says why)",
  413: "The upload is larger than UPLOAD_MAX_BYTES",
  415: "The body is of a media type the route does not take",
  422: "The body is well-formed but names something invalid (the message says what)",
  429: "Too many requests; try again after Retry-After seconds",
  503: "The database is busy or unreachable; try again after Retry-After seconds",
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** What every route behind a bearer token can answer besides its own errors. */
export const BEARER_ERRORS = [401, 403, 503] as const satisfies readonly ErrorStatus[];

/**
 * The problem-details responses of the given statuses, for a route's `responses`.
 *
 * @example
 * responses: { 200: jsonContent(JobSchema, "The job"), ...errorResponses(...BEARER_ERRORS, 404) }
 */
export const errorResponses = <const S extends ErrorStatus>(...statuses: S[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, problemResponse(ERROR_DESCRIPTIONS[status])]),
  ) as Record<S, ReturnType<typeof problemResponse>>;

/**
 * The one validation hook: a request that fails its zod schema becomes our ApiError, with
 * every issue named (path and message) so the caller can fix all of them at once.
 */
export const defaultHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const details = result.error.issues
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  const code =
    result.target === "json" || result.target === "form" ? "unprocessable" : "bad_request";
  throw new ApiError(code, `Invalid ${result.target}: ${details}`);
};
