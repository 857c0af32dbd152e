import type { OpenAPIHono } from "@hono/zod-openapi";
import { isErrorResult, merge } from "openapi-merge";
import type { AppEnv } from "../kernel/app-env.ts";
import { ONEROSTER_SERVICES } from "../kernel/vocabulary.ts";
import { BASE_PATHS, serviceDocument31 } from "../oneroster/index.ts";

const GATEWAY_INFO = {
  title: "TSA Coach Gateway",
  version: "0.1.0",
  description:
    "OneRoster 1.2 and Ed-Fi interoperability gateway of the TSA Coach platform. Every OneRoster operation is described here too; each service's own document, with the official component names, is served under its discovery path.",
};

type MergeInput = Parameters<typeof merge>[0][number]["oas"];

// The routes are the same for every app, and the Worker builds an app per request: merging
// once per process keeps /openapi.json from redoing the three services' documents each time.
let merged: unknown;

/**
 * The gateway's OpenAPI 3.1 document: its own routes plus every operation of the three
 * OneRoster services under their base paths. The services share component names with different
 * contents (imsx_StatusInfoDType, the OAuth2CC scheme), so only those that clash are renamed,
 * with the service's name as prefix, and every `$ref` and security requirement follows.
 *
 * @example
 * app.get("/openapi.json", (c) => c.json(gatewayDocument(app)));
 */
export function gatewayDocument(app: OpenAPIHono<AppEnv>): unknown {
  merged ??= mergeServices(app.getOpenAPI31Document({ openapi: "3.1.0", info: GATEWAY_INFO }));
  return merged;
}

function mergeServices(gateway: object): unknown {
  const result = merge([
    { oas: gateway as MergeInput },
    ...ONEROSTER_SERVICES.map((service) => ({
      oas: serviceDocument31(service, "/oauth/token") as MergeInput,
      pathModification: { prepend: BASE_PATHS[service] },
      dispute: { prefix: `${service}_` },
    })),
  ]);
  if (isErrorResult(result)) {
    throw new Error(`Merging the OneRoster documents into /openapi.json failed: ${result.message}`);
  }
  return result.output;
}
