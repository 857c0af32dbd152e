/** Who is calling, established from a verified bearer token. */
export interface AuthContext {
  tenantId: string;
  clientId: string;
  /** The client's secret version when the token was issued; a rotation retires older ones. */
  secretVersion: number;
  scopes: ReadonlySet<string>;
  /** When set, the client sees only this org and its descendants. */
  orgSourcedId?: string;
  /** The client's own request limit; the configured default applies when absent. */
  rateLimitPerMinute?: number;
}
