import type { ServiceName } from "./vocabulary.ts";

export const SCOPE_PREFIX = "https://purl.imsglobal.org/spec/or/v1p2/scope/";

/** Every 1.2 scope, by service, with what it grants (the official wording, shortened). */
const SCOPES_BY_SERVICE = {
  rostering: {
    "roster.readonly": "All rostering reads except demographics.",
    "roster-core.readonly": "The core rostering reads: collections and single objects.",
    "roster-demographics.readonly": "Reading all demographics or a single demographics object.",
  },
  gradebook: {
    "gradebook.readonly": "All gradebook reads.",
    "gradebook-core.readonly": "The core gradebook reads: collections and single objects.",
    "gradebook.createput":
      "Creating a single gradebook object whose sourcedId the client supplies.",
    "gradebook.createpost": "Creating gradebook objects whose sourcedIds the server allocates.",
    "gradebook.delete": "Deleting gradebook objects.",
    "assessment.readonly": "All assessment reads.",
    "assessment.createput":
      "Creating a single assessment object whose sourcedId the client supplies.",
    "assessment.delete": "Deleting assessment objects.",
  },
  resources: {
    "resource.readonly": "All resources reads.",
    "resource-core.readonly": "Reading all resources or a single resource.",
  },
} as const satisfies Record<ServiceName, Record<string, string>>;

type ScopesOf<S extends ServiceName> = keyof (typeof SCOPES_BY_SERVICE)[S] & string;
export type ScopeName = { [S in ServiceName]: ScopesOf<S> }[ServiceName];
export type ScopeUri = `${typeof SCOPE_PREFIX}${ScopeName}`;

export const scopeUri = (name: ScopeName): ScopeUri => `${SCOPE_PREFIX}${name}`;

/** Every OneRoster 1.2 scope URI, of all three services. */
export const SCOPE_URIS: readonly ScopeUri[] = Object.values(SCOPES_BY_SERVICE).flatMap((scopes) =>
  (Object.keys(scopes) as ScopeName[]).map(scopeUri),
);

/** Name of the security scheme that every operation's `security` refers to. */
export const SECURITY_SCHEME_NAME = "OAuth2CC";

/**
 * The `OAuth2CC` security scheme of one service, to register on that service's OpenAPI
 * document; the official files carry a placeholder token URL, a deployment supplies its own.
 */
export function oauth2SecurityScheme(service: ServiceName, tokenUrl: string) {
  const scopes = Object.fromEntries(
    Object.entries(SCOPES_BY_SERVICE[service]).map(([name, text]) => [
      `${SCOPE_PREFIX}${name}`,
      text,
    ]),
  );
  return {
    type: "oauth2" as const,
    description: "OAuth 2 Client Credentials, as the 1EdTech Security Framework requires.",
    flows: { clientCredentials: { tokenUrl, scopes } },
  };
}
