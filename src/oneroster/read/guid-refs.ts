import type { GUIDRef, GuidRefType } from "../../entities/guid-refs.ts";
import { BASE_PATHS } from "../routes/services.ts";

export type { GuidRefType };

import type { ServiceName } from "../wire/status-info.ts";

/** Where the object a GUIDRef names is served, so `href` is a URL a client can follow. */
const HOME: Record<GuidRefType, { service: ServiceName; collection: string }> = {
  org: { service: "rostering", collection: "orgs" },
  academicSession: { service: "rostering", collection: "academicSessions" },
  course: { service: "rostering", collection: "courses" },
  class: { service: "rostering", collection: "classes" },
  user: { service: "rostering", collection: "users" },
  resource: { service: "resources", collection: "resources" },
  category: { service: "gradebook", collection: "categories" },
  lineItem: { service: "gradebook", collection: "lineItems" },
  scoreScale: { service: "gradebook", collection: "scoreScales" },
  assessmentLineItem: { service: "gradebook", collection: "assessmentLineItems" },
};

/** What a row needs to become wire JSON: the origin its hrefs are absolute against. */
export interface WireContext {
  origin: string;
}

/**
 * A GUIDRef whose href is the object's own URL on this gateway.
 *
 * @example
 * guidRef({ origin: "https://roster.example.org" }, "org", "sch-1")
 * // { href: "https://roster.example.org/ims/oneroster/rostering/v1p2/orgs/sch-1", sourcedId: "sch-1", type: "org" }
 */
export function guidRef<T extends GuidRefType>(
  context: WireContext,
  type: T,
  sourcedId: string,
): GUIDRef<T> {
  const { service, collection } = HOME[type];
  const href = `${context.origin}${BASE_PATHS[service]}/${collection}/${encodeURIComponent(sourcedId)}`;
  return { href, sourcedId, type };
}
