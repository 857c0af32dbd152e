import type { AppOpenAPI, RequestBudgets } from "../kernel/app-env.ts";
import { GRADEBOOK_SERVICE } from "./gradebook/index.ts";
import { mountService } from "./read/index.ts";
import { RESOURCES_SERVICE } from "./resources/index.ts";
import { ROSTERING_SERVICE } from "./rostering/index.ts";

/**
 * Serves the OneRoster services the gateway implements. One rate limiter for all of them:
 * a client's limit covers every OneRoster call it makes.
 *
 * @example
 * mountOneRoster(app, new RateLimiter());
 */
export function mountOneRoster(app: AppOpenAPI, limiter: RequestBudgets): void {
  for (const service of [ROSTERING_SERVICE, GRADEBOOK_SERVICE, RESOURCES_SERVICE]) {
    mountService(app, service, limiter);
  }
}
