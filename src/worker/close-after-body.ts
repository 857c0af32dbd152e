import type { WorkerContext } from "./worker-env.ts";

/**
 * Ends the request's database connection once the body has been sent, not when the handler
 * returns: a streamed body (the CSV export) keeps reading from the database after the headers
 * have left.
 */
export function closeAfterBody(
  response: Response,
  close: () => Promise<void>,
  ctx: WorkerContext,
): Response {
  if (!response.body) {
    ctx.waitUntil(close());
    return response;
  }
  const { readable, writable } = new TransformStream();
  ctx.waitUntil(
    response.body
      .pipeTo(writable)
      // A client that hangs up cancels the pipe; the connection must be ended all the same.
      .catch(() => undefined)
      .then(close),
  );
  return new Response(readable, response);
}
