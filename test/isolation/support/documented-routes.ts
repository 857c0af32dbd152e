import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../src/kernel/app-env.ts";
import { BASE_PATHS, OFFICIAL_DOCUMENTS } from "../../../src/oneroster/routes/services.ts";

export interface DocumentedRoute {
  /** `get /ims/oneroster/rostering/v1p2/classes/{classSourcedId}/students` */
  key: string;
  method: string;
  /** Full path with `{param}` placeholders. */
  path: string;
  /** The OneRoster base path it sits under, if any. */
  basePath?: string;
}

type Document = { paths: Record<string, Record<string, unknown>>; servers?: { url: string }[] };

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

const routesOf = (document: Document, basePath?: string): DocumentedRoute[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => METHODS.has(method))
      .map((method) => {
        const full = `${basePath ?? ""}${path}`;
        return { key: `${method} ${full}`, method, path: full, ...(basePath ? { basePath } : {}) };
      }),
  );

/**
 * Every route the gateway publishes: its own `/openapi.json`, and each OneRoster service's
 * document as its discovery endpoint serves it (a service that is not mounted answers 404 and
 * has none).
 */
export async function documentedRoutes(app: OpenAPIHono<AppEnv>): Promise<DocumentedRoute[]> {
  const own = await app.request("/openapi.json");
  if (own.status !== 200) throw new Error(`/openapi.json answered ${own.status}`);
  // `/openapi.json` also describes every OneRoster operation, under its service's base path.
  const bases = Object.values(BASE_PATHS);
  const routes = routesOf((await own.json()) as Document).map((route) => {
    const basePath = bases.find((base) => route.path.startsWith(`${base}/`));
    return basePath ? { ...route, basePath } : route;
  });
  for (const [service, basePath] of Object.entries(BASE_PATHS)) {
    const file = OFFICIAL_DOCUMENTS[service as keyof typeof OFFICIAL_DOCUMENTS];
    const response = await app.request(`${basePath}/discovery/${file}`);
    if (response.status === 404) continue;
    const document = (await response.json()) as Document;
    const served = new URL(document.servers?.[0]?.url ?? "http://x").pathname;
    if (served !== basePath)
      throw new Error(`${service} discovery names ${served}, not ${basePath}`);
    routes.push(...routesOf(document, basePath));
  }
  return [...new Map(routes.map((route) => [route.key, route])).values()];
}
