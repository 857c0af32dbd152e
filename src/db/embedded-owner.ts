import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * The embedded database is one PostgreSQL instance in WebAssembly with no locking of its own:
 * a second process opening the same files corrupts them. So the process that opens it first
 * owns it until it closes, recorded in `DATA_DIR/pgdata.lock` (pid, host, command, since).
 *
 * A lock whose process is gone (same host, pid not alive) is taken over. Liveness is judged
 * by pid rather than by a heartbeat (as proper-lockfile does) because PGlite runs statements
 * on the main thread: a long import or migration would starve the heartbeat and let a second
 * process in while the owner still writes.
 */
export class EmbeddedDatabaseBusy extends Error {
  override name = "EmbeddedDatabaseBusy";
}

interface Owner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface EmbeddedOwnership {
  release(): void;
}

const LOCK_FILE = "pgdata.lock";
/** A takeover that crashed half-way leaves its marker; after this long it is ignored. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Makes this process the owner of the embedded database in `dataDir`, or throws
 * EmbeddedDatabaseBusy saying who owns it and what to do instead.
 *
 * @example
 * const ownership = claimEmbeddedDatabase("/srv/tsa/.data");
 * // … open PGlite, work, close it …
 * ownership.release();
 */
export function claimEmbeddedDatabase(dataDir: string): EmbeddedOwnership {
  const path = join(dataDir, LOCK_FILE);
  const me: Owner = {
    pid: process.pid,
    host: hostname(),
    command: `tsa-gateway ${process.argv[2] ?? ""}`.trim(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLock(path, me)) {
      const release = () => {
        process.off("exit", release);
        if (sameOwner(readOwner(path), me)) rmSync(path, { force: true });
      };
      // A process that exits without closing the database (process.exit, an uncaught error)
      // still frees it; a killed one leaves a lock that the next process finds stale.
      process.on("exit", release);
      return { release };
    }
    const owner = readOwner(path);
    if (!owner || !isStale(owner)) throw new EmbeddedDatabaseBusy(busyMessage(dataDir, owner));
    takeOver(path, owner);
  }
  throw new EmbeddedDatabaseBusy(busyMessage(dataDir, readOwner(path)));
}

function createLock(path: string, owner: Owner): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && typeof owner.host === "string"
      ? (owner as Owner)
      : undefined;
  } catch {
    // Absent, or being written by a process that is starting right now.
    return undefined;
  }
}

const sameOwner = (a: Owner | undefined, b: Owner) =>
  a !== undefined && a.pid === b.pid && a.host === b.host && a.since === b.since;

/** Only a lock of this host can be judged: another host's pids mean nothing here. */
function isStale(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Removes a stale lock under a marker of its own, so two processes finding the same stale
 * lock cannot both remove it and the second remove the first one's fresh lock.
 */
function takeOver(path: string, stale: Owner): void {
  const marker = `${path}.takeover`;
  const markerAge = statSync(marker, { throwIfNoEntry: false })?.mtimeMs;
  if (markerAge !== undefined && Date.now() - markerAge > TAKEOVER_STALE_MS)
    rmSync(marker, { force: true });
  const fd = (() => {
    try {
      return openSync(marker, "wx");
    } catch {
      return undefined;
    }
  })();
  if (fd === undefined) return;
  try {
    if (sameOwner(readOwner(path), stale)) rmSync(path, { force: true });
  } finally {
    closeSync(fd);
    rmSync(marker, { force: true });
  }
}

function busyMessage(dataDir: string, owner: Owner | undefined): string {
  const lock = join(dataDir, LOCK_FILE);
  const who = owner
    ? `\`${owner.command}\` (pid ${owner.pid}${owner.host === hostname() ? "" : ` on host ${owner.host}`}, since ${owner.since})`
    : "another process that is starting";
  return [
    `The embedded database in ${dataDir} is in use by ${who}; only one process may open it.`,
    "Stop that process first, or, while it serves, do the work through its HTTP API (imports: POST /admin/v1/imports; clients: /admin/v1/clients; exports: GET /admin/v1/exports/oneroster.zip).",
    "To run several processes on one database, use PostgreSQL (set DATABASE_URL).",
    owner
      ? `If that process is not running any more (or is not a tsa-gateway), delete ${lock}.`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}
