/**
 * Why PostgreSQL could not be reached and what to do about it, in one sentence an operator
 * can act on. `url` only supplies the place (host, port, database, user); its password is
 * never repeated.
 *
 * @example
 * explainConnectionError(error, "postgres://app@db:5432/tsa");
 * // 'The database "tsa" does not exist on db:5432. Create it (createdb tsa) or fix DATABASE_URL.'
 */
export function explainConnectionError(error: unknown, url: string): string {
  const { host, port, database, user } = placeOf(url);
  const where = `${host}:${port}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "3D000":
      return `The database "${database}" does not exist on ${where}. Create it (createdb ${database}) or fix the database name in DATABASE_URL.`;
    case "28P01":
      return `PostgreSQL on ${where} refused the password of user "${user}" (authentication failed). Fix the password in DATABASE_URL.`;
    case "28000":
      return /role .* does not exist/.test(message)
        ? `The role "${user}" does not exist on ${where}. Create it (createuser ${user}) or fix the user name in DATABASE_URL.`
        : `PostgreSQL on ${where} does not let user "${user}" connect (${message}). Allow it in pg_hba.conf or fix DATABASE_URL.`;
    case "ECONNREFUSED":
      return `Nothing accepts connections at ${where} (connection refused). Start PostgreSQL there, or fix the host and port in DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The host "${host}" in DATABASE_URL cannot be resolved. Fix the host name.`;
    case "57P03":
      return `PostgreSQL on ${where} is starting up or shutting down. Start the gateway again once it accepts connections.`;
    default:
      return `Cannot connect to PostgreSQL at ${where}/${database}: ${message}. Check DATABASE_URL and that the server is up (a slow server may need a larger DB_ACQUIRE_TIMEOUT_MS).`;
  }
}

function placeOf(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port || "5432",
    database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username),
    user: decodeURIComponent(parsed.username) || "(the operating-system user)",
  };
}
