import { SingleBar } from "cli-progress";

export interface Progress {
  update(done: number, label: string): void;
  stop(): void;
}

/**
 * Progress of long work on stderr: a bar on a terminal, a plain line every few seconds
 * elsewhere (CI logs, pipes), nothing with `--json` (`quiet`).
 *
 * @example
 * const progress = createProgress("rows", { quiet: json });
 * progress.update(rows, "users.csv");
 */
export function createProgress(
  unit: string,
  options: { quiet?: boolean; total?: number } = {},
): Progress {
  if (options.quiet) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: options.total
        ? `{bar} {percentage}% | {value}/{total} ${unit} | {label}`
        : `{value} ${unit} | {label} | {duration_formatted}`,
      hideCursor: true,
    });
    bar.start(options.total ?? 0, 0, { label: "" });
    return {
      update: (done, label) => bar.update(done, { label }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (done, label) => {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      console.error(`${done} ${unit} (${label})`);
    },
    stop: () => {},
  };
}
