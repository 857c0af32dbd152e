import { SCOPE_PREFIX, SCOPE_URIS } from "../kernel/oneroster-scopes.ts";

/** Every OneRoster 1.2 scope URI; the route table owns the list. */
export const ONEROSTER_SCOPES: readonly string[] = SCOPE_URIS;

const ONEROSTER_SCOPE_NAMES = SCOPE_URIS.map((uri) => uri.slice(SCOPE_PREFIX.length));

/** The gateway's own scopes for its admin API. */
export const GATEWAY_SCOPES = ["gateway.import", "gateway.export", "gateway.admin"] as const;

/** The Ed-Fi API's scope: every Ed-Fi resource and descriptor, read only. */
export const EDFI_READ_SCOPE = "edfi.readonly";

export const ALL_SCOPES: readonly string[] = [
  ...ONEROSTER_SCOPES,
  ...GATEWAY_SCOPES,
  EDFI_READ_SCOPE,
];

/** Accepts full URIs, or OneRoster short names such as `roster.readonly` for convenience. */
export function normalizeScope(scope: string): string {
  return ONEROSTER_SCOPE_NAMES.includes(scope) ? `${SCOPE_PREFIX}${scope}` : scope;
}

/** Scopes that are not known to the gateway, to refuse them by name. */
export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !ALL_SCOPES.includes(scope));
}
