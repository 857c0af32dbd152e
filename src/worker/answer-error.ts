import { Hono } from "hono";
import { renderError } from "../app/render-error.ts";
import type { ApiError } from "../kernel/errors.ts";

/**
 * Answers with one of the gateway's errors when the app itself cannot be built (no
 * configuration, no database), through the app's own renderer: imsx_StatusInfo on OneRoster
 * paths, problem details elsewhere, exactly as the app would.
 */
export function answerError(request: Request, error: ApiError): Response | Promise<Response> {
  const app = new Hono();
  app.all("*", () => {
    throw error;
  });
  app.onError(renderError);
  return app.fetch(request);
}
