import parseForwarded from "forwarded-parse";
import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";

// A forwarded host goes into hrefs and Link headers verbatim, so only a plain host[:port]
// (name, IPv4 or bracketed IPv6) is taken; anything else falls back to the request's own.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const PROTO = /^https?$/i;

interface Forwarded {
  proto?: string | undefined;
  host?: string | undefined;
}

/** The first (client-side) element of RFC 7239 `Forwarded`; undefined when absent or malformed. */
function fromForwarded(header: string | undefined): Forwarded | undefined {
  if (!header) return undefined;
  try {
    const [first] = parseForwarded(header);
    return first && { proto: first.proto, host: first.host };
  } catch {
    return undefined;
  }
}

const firstValue = (header: string | undefined) => header?.split(",")[0]?.trim() || undefined;

/**
 * The origin every absolute URL the gateway writes starts with (GUIDRef hrefs, `Link`
 * headers, discovery `servers` and `tokenUrl`): `PUBLIC_URL` when set, whatever the request
 * says; else the request's own, where `Forwarded` or `X-Forwarded-Proto`/`-Host` count only
 * with `TRUST_PROXY=true`.
 *
 * @example
 * publicOrigin(c); // "https://roster.example.org"
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { PUBLIC_URL, TRUST_PROXY } = c.var.deps.config;
  if (PUBLIC_URL) return PUBLIC_URL;
  const own = new URL(c.req.url);
  if (!TRUST_PROXY) return own.origin;
  const forwarded = fromForwarded(c.req.header("forwarded")) ?? {
    proto: firstValue(c.req.header("x-forwarded-proto")),
    host: firstValue(c.req.header("x-forwarded-host")),
  };
  const proto =
    forwarded.proto && PROTO.test(forwarded.proto)
      ? forwarded.proto.toLowerCase()
      : own.protocol.slice(0, -1);
  const host = forwarded.host && HOST.test(forwarded.host) ? forwarded.host : own.host;
  return new URL(`${proto}://${host}`).origin;
}

/** The request's URL (path and query) on the public origin, e.g. to build `Link` headers from. */
export function publicRequestUrl(c: Context<AppEnv>): URL {
  const own = new URL(c.req.url);
  return new URL(`${own.pathname}${own.search}`, publicOrigin(c));
}
