import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "./runtime.ts";

/**
 * Checks, before any work starts, that `path` can be created or replaced as a file, so a typo
 * in the folder costs a clear sentence instead of a half-done export.
 *
 * @example
 * checkOutputFile("exports/district.zip"); // throws when ./exports does not exist
 */
export function checkOutputFile(path: string): void {
  const folder = dirname(resolve(path));
  const folderStat = statSync(folder, { throwIfNoEntry: false });
  if (!folderStat) {
    throw new CliError(
      `Cannot write ${path}: the folder ${folder} does not exist. Create it (mkdir -p ${folder}) or write somewhere else.`,
    );
  }
  if (!folderStat.isDirectory()) {
    throw new CliError(
      `Cannot write ${path}: ${folder} is a file, not a folder. Choose another path.`,
    );
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(
      `Cannot write ${path}: it is a folder. Give a file name inside it, e.g. ${path.replace(/\/?$/, "/out.zip")}.`,
    );
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new CliError(
      `Cannot write ${path}: this user may not write in ${folder}. Choose a folder you can write to.`,
    );
  }
}
