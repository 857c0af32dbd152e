import { registerTokenEndpoint } from "../auth/index.ts";
import type { AppOpenAPI, RequestBudgets } from "../kernel/app-env.ts";
import { registerDescriptorRoutes } from "./api/descriptor.routes.ts";
import { EDFI_BASE_PATH, registerDiscovery } from "./api/discovery.routes.ts";
import { registerResourceRoutes } from "./api/resource.routes.ts";
import { registerTokenInfo } from "./api/token-info.routes.ts";
import type { MetadataPaths } from "./metadata/openapi.ts";

/**
 * More of the Ed-Fi API, served beside the resources (e.g. change queries): its routes,
 * mounted on the `/ed-fi` base, and the paths it adds to the resources metadata.
 */
export interface EdfiExtension {
  mount?: (edfi: AppOpenAPI, limiter: RequestBudgets) => void;
  paths?: MetadataPaths;
}

/**
 * Serves the Ed-Fi API under `/ed-fi`: discovery and metadata (public), the OAuth endpoints
 * (the gateway's own clients and tokens), every resource and descriptor set.
 *
 * @example
 * mountEdfi(app, new RateLimiter(), [changeQueries]);
 */
export function mountEdfi(
  app: AppOpenAPI,
  limiter: RequestBudgets,
  extensions: readonly EdfiExtension[] = [],
): void {
  const edfi = app.basePath(EDFI_BASE_PATH);
  registerDiscovery(
    edfi,
    extensions.flatMap((extension) => (extension.paths ? [extension.paths] : [])),
  );
  registerTokenEndpoint(edfi, limiter);
  registerTokenInfo(edfi);
  for (const extension of extensions) extension.mount?.(edfi, limiter);
  registerResourceRoutes(edfi, limiter);
  registerDescriptorRoutes(edfi, limiter);
}
