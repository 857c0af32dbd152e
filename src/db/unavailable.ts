/**
 * SQLSTATEs of a database that cannot serve right now (statement timeout or cancel, server
 * shutting down or starting, connection lost, too many connections), as opposed to a bad query.
 */
const UNAVAILABLE_CODES = new Set([
  "57014",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Socket errors of a server that is down or unreachable. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);

/** What `pg` throws without a code: a dropped connection, or no pool slot within the timeout. */
const POOL_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect)|is not queryable/;

/**
 * Whether an error (or its cause: Drizzle wraps the driver's) means the database is
 * momentarily unable to serve, so the request may be retried as it is.
 *
 * @example
 * isDatabaseUnavailable(new Error("timeout exceeded when trying to connect")); // true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code))) {
      return true;
    }
    if (POOL_MESSAGES.test(e.message)) return true;
  }
  return false;
}
