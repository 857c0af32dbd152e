/**
 * The 1.2 code-minor values a bad query parameter can produce. All three are in the Rostering,
 * Gradebook and Resources vocabularies, so one error works on every service.
 */
export type QueryCodeMinor = "invalid_filter_field" | "invalid_selection_field" | "invaliddata";

/**
 * A query parameter the client must fix; rendered as `imsx_StatusInfo` with HTTP 400.
 * The message says what is wrong and how to write it instead.
 *
 * @example
 * throw new QueryError("invalid_filter_field", "Unknown filter field 'foo'. Filterable fields: sourcedId, status.");
 */
export class QueryError extends Error {
  override readonly name = "QueryError";

  constructor(
    readonly codeMinor: QueryCodeMinor,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ECHO = 60;

/**
 * Shortens client text for an error message so a huge parameter cannot bloat the response.
 *
 * @example
 * shorten("x".repeat(100)) // 60 × "x" followed by "…"
 */
export function shorten(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/**
 * Quotes client text for an error message, shortened.
 *
 * @example
 * echo("status") // "'status'"
 */
export function echo(text: string): string {
  return `'${shorten(text)}'`;
}
