import type { Context } from "hono";

/**
 * The address the request came from, for the disclosure log: the peer of the socket on Node
 * (@hono/node-server). A forwarded-for header is not used: any client can write one. Other
 * hosts give none.
 */
export function requesterAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}
