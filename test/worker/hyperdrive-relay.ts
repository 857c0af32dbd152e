import net from "node:net";

/**
 * Miniflare stands in for Hyperdrive with a TCP relay running in the process that starts it
 * (the test or the bench). Two flaws of that relay in miniflare 4.20260426 are local-only
 * (production Hyperdrive is no such relay), but the first fails whole test runs:
 *
 * - its sockets have no 'error' listener, so a connection workerd resets (ECONNRESET) is an
 *   uncaught exception in this process;
 * - it leaves Nagle's algorithm on, and pg in a Worker writes each extended-protocol message
 *   separately, so every parameterised query waits ~40 ms for PostgreSQL's delayed ACK.
 *
 * `relay.noDelay = false` restores the second flaw, for the bench to show it.
 */
export const relay = { noDelay: true };

let repaired = false;

export function repairHyperdriveRelay(): void {
  if (repaired) return;
  repaired = true;
  const mend = (socket: net.Socket) => {
    socket.on("error", () => socket.destroy());
    if (relay.noDelay) socket.setNoDelay(true);
    return socket;
  };
  const connect = net.connect;
  (net as { connect: unknown }).connect = (...args: Parameters<typeof net.connect>) =>
    mend(connect(...args));
  const createServer = net.createServer;
  // The relay passes only a connection listener.
  (net as { createServer: unknown }).createServer = (onConnection: (socket: net.Socket) => void) =>
    createServer((socket) => onConnection(mend(socket)));
}
