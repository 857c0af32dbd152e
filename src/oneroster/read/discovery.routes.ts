import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../kernel/app-env.ts";
import { publicOrigin } from "../../kernel/public-origin.ts";
import { discoveryDocument, OFFICIAL_DOCUMENTS } from "../routes/index.ts";
import type { ServiceName } from "../wire/status-info.ts";

/** The file names a 1.2 client may look for: the REST binding's and the certification guide's. */
export const discoveryFileNames = (service: ServiceName) => [
  OFFICIAL_DOCUMENTS[service],
  `imsorv1p2_${service}_openapi3_v1p0.json`,
];

// Documents are costly to generate and the origin rarely varies; a bound keeps a client that
// sends many Host headers from growing the cache.
const MAX_CACHED_ORIGINS = 4;

/**
 * Serves the service's OpenAPI document, localized with this server's URL and token URL,
 * under both discovery file names. No token is needed: discovery comes before one.
 */
export function registerDiscovery(service: OpenAPIHono<AppEnv>, name: ServiceName): void {
  const cache = new Map<string, unknown>();
  const localized = (origin: string) => {
    const cached = cache.get(origin);
    if (cached) return cached;
    const document = discoveryDocument(name, { origin, tokenUrl: `${origin}/oauth/token` });
    if (cache.size < MAX_CACHED_ORIGINS) cache.set(origin, document);
    return document;
  };
  for (const file of discoveryFileNames(name)) {
    service.get(`/discovery/${file}`, (c) => c.json(localized(publicOrigin(c))));
  }
}
