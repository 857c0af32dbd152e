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

export const problemResponse = (description: string) => ({
  content: { "application/problem+json": { schema: ProblemSchema } },
  description,
});

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
