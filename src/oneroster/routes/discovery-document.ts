import { OpenAPIHono } from "@hono/zod-openapi";
import { oauth2SecurityScheme, SECURITY_SCHEME_NAME } from "../../kernel/oneroster-scopes.ts";
import type { ServiceName } from "../wire/status-info.ts";
import { OPERATIONS_BY_SERVICE } from "./service-operations.ts";
import { BASE_PATHS, SERVICE_TITLES } from "./services.ts";

export interface DiscoveryOptions {
  /** Scheme and host the gateway is reached at, e.g. `https://roster.example.org`. */
  origin: string;
  tokenUrl: string;
}

/**
 * One service's OpenAPI 3.0 document, localized to this deployment as 1.2 discovery expects.
 * Each service gets its own registry because the three share component names (notably
 * imsx_StatusInfoDType) whose code-minor vocabularies differ.
 *
 * @example
 * discoveryDocument("rostering", { origin: "https://roster.example.org", tokenUrl: "https://roster.example.org/oauth/token" })
 */
export function discoveryDocument(service: ServiceName, { origin, tokenUrl }: DiscoveryOptions) {
  return serviceRegistry(service, tokenUrl).getOpenAPIDocument({
    openapi: "3.0.0",
    info: { title: SERVICE_TITLES[service], version: "1.2" },
    servers: [{ url: `${origin}${BASE_PATHS[service]}` }],
  });
}

/**
 * The same service described in OpenAPI 3.1 with paths relative to its base path, for the
 * gateway's own document to merge (`/openapi.json` is 3.1; a merge needs one version).
 *
 * @example
 * serviceDocument31("gradebook", "/oauth/token").paths["/categories"]
 */
export function serviceDocument31(service: ServiceName, tokenUrl: string) {
  return serviceRegistry(service, tokenUrl).getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: SERVICE_TITLES[service], version: "1.2" },
  });
}

function serviceRegistry(service: ServiceName, tokenUrl: string) {
  const app = new OpenAPIHono();
  for (const operation of OPERATIONS_BY_SERVICE[service]) {
    app.openAPIRegistry.registerPath(operation.route);
  }
  app.openAPIRegistry.registerComponent(
    "securitySchemes",
    SECURITY_SCHEME_NAME,
    oauth2SecurityScheme(service, tokenUrl),
  );
  return app;
}
