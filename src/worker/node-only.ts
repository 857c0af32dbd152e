import { ApiError } from "../kernel/errors.ts";
import { answerError } from "./answer-error.ts";

/** The requests the Worker does not serve, answered with why and where to go instead. */
export function nodeOnlyRefusal(request: Request): Response | Promise<Response> | undefined {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST" || pathname !== "/admin/v1/imports") return undefined;
  // An import streams the package to disk and keeps running after the 202, for minutes on a
  // district; a Worker has neither a disk nor a life after its response, and the platform
  // caps request bodies (100 MB on Free and Pro plans) below what a district package can be.
  return answerError(
    request,
    new ApiError(
      "not_implemented",
      "Imports are not served by the Cloudflare Worker deployment. Upload the package to the Node server (`npx tsa-gateway serve`, POST /admin/v1/imports) or import it with the CLI (`npx tsa-gateway import <package.zip> --tenant <slug>`) against the same database.",
    ),
  );
}
