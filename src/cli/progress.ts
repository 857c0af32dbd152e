import { SingleBar } from "cli-progress";

export interface Progress {
  /** `total` 0 means not known (yet): the count is shown without a percentage. */
  update(done: number, total: number, label: string): void;
  stop(): void;
}

export type ProgressUnit = "rows" | "bytes";

/** How often a plain progress line is printed where there is no terminal. */
export const PLAIN_PROGRESS_EVERY_MS = 5000;

/**
 * Progress of long work on stderr. Bytes have a known total (the package's size): on a terminal
 * a bar with done of total, percentage and time left. Rows of a generated package are counted
 * with the time so far. Elsewhere (CI logs, files) one plain line every few seconds; nothing with `--json`
 * (`quiet`).
 *
 * @example
 * const progress = createProgress("bytes", { quiet: json });
 * progress.update(bytesRead, bytesTotal, "users.csv");
 */
export function createProgress(unit: ProgressUnit, options: { quiet?: boolean } = {}): Progress {
  if (options.quiet) return { update: () => {}, stop: () => {} };
  return process.stderr.isTTY ? terminalBar(unit) : plainLines(unit);
}

function terminalBar(unit: ProgressUnit): Progress {
  const bar = new SingleBar({
    stream: process.stderr,
    format:
      unit === "bytes"
        ? "{bar} {percentage}% | {value} of {total} | {eta_formatted} left | {label}"
        : "{value} | {duration_formatted} | {label}",
    formatValue: (value, _options, type) =>
      type === "value" || type === "total" ? formatAmount(value, unit) : String(value),
    hideCursor: true,
    etaBuffer: 50,
  });
  let started = false;
  return {
    update: (done, total, label) => {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      }
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function plainLines(unit: ProgressUnit): Progress {
  const started = Date.now();
  let last = started;
  return {
    update: (done, total, label) => {
      const now = Date.now();
      if (now - last < PLAIN_PROGRESS_EVERY_MS) return;
      last = now;
      console.error(
        `Progress: ${describeProgress(done, total, (now - started) / 1000, unit)} (${label})`,
      );
    },
    stop: () => {},
  };
}

/**
 * One line of progress for a log: done of total, percentage and the time left at the pace so far.
 *
 * @example
 * describeProgress(25, 100, 10, "rows"); // "25 rows of 100 rows (25%), about 30 s left"
 */
export function describeProgress(
  done: number,
  total: number,
  elapsedSeconds: number,
  unit: ProgressUnit,
): string {
  if (total <= 0) return `${formatAmount(done, unit)} after ${formatSeconds(elapsedSeconds)}`;
  const share = Math.min(1, done / total);
  const left = done > 0 ? (elapsedSeconds * (total - done)) / done : Number.NaN;
  const eta = Number.isFinite(left)
    ? `about ${formatSeconds(left)} left`
    : "time left not known yet";
  return `${formatAmount(done, unit)} of ${formatAmount(total, unit)} (${Math.floor(share * 100)}%), ${eta}`;
}

function formatAmount(amount: number, unit: ProgressUnit): string {
  if (unit === "rows") return `${amount.toLocaleString("en-US")} rows`;
  if (amount < 1024 * 1024) return `${(amount / 1024).toFixed(0)} KB`;
  return `${(amount / 1024 / 1024).toFixed(1)} MB`;
}

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
