/** OneRoster 1.2 scopes are URIs under this prefix. */
export const ONEROSTER_SCOPE_PREFIX = "https://purl.imsglobal.org/spec/or/v1p2/scope/";

const ONEROSTER_SCOPE_NAMES = [
  "roster-core.readonly",
  "roster.readonly",
  "roster-demographics.readonly",
  "gradebook-core.readonly",
  "gradebook.readonly",
  "gradebook.createput",
  "gradebook.createpost",
  "gradebook.delete",
  "assessment.readonly",
  "assessment.createput",
  "assessment.delete",
  "resource-core.readonly",
  "resource.readonly",
] as const;

export const ONEROSTER_SCOPES = ONEROSTER_SCOPE_NAMES.map(
  (name) => `${ONEROSTER_SCOPE_PREFIX}${name}`,
);

/** The gateway's own scopes for its admin API. */
export const GATEWAY_SCOPES = ["gateway.import", "gateway.export", "gateway.admin"] as const;

export const ALL_SCOPES: readonly string[] = [...ONEROSTER_SCOPES, ...GATEWAY_SCOPES];

/** Accepts full URIs, or OneRoster short names such as `roster.readonly` for convenience. */
export function normalizeScope(scope: string): string {
  return (ONEROSTER_SCOPE_NAMES as readonly string[]).includes(scope)
    ? `${ONEROSTER_SCOPE_PREFIX}${scope}`
    : scope;
}

/** Scopes that are not known to the gateway, to refuse them by name. */
export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !ALL_SCOPES.includes(scope));
}
