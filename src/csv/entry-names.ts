import { closestName } from "../kernel/text-distance.ts";
import { FILE_NAMES, type FileName } from "./catalogue.ts";
import type { RuleCode } from "./rules.ts";

/** A file the binding names: the manifest or one of the 21 data files. */
export type BindingFile = "manifest" | FileName;

export type EntryVerdict =
  | { kind: "data"; file: BindingFile }
  | { kind: "ignored"; message: string }
  | { kind: "refused"; rule: RuleCode; message: string; fix?: string; meant?: BindingFile };

const BINDING_FILES: readonly BindingFile[] = ["manifest", ...FILE_NAMES];
const ENTRY_NAMES = new Map(BINDING_FILES.map((file) => [`${file}.csv`, file]));

/** Folders and files that archivers add on their own (macOS Finder, Windows Explorer). */
const ARCHIVER_LITTER = /^(__MACOSX\/|(.*\/)?\.DS_Store$|(.*\/)?Thumbs\.db$|(.*\/)?desktop\.ini$)/;

/**
 * Decides what an entry of a package is from its name alone, before anything is read.
 *
 * @example
 * classifyEntryName("users.csv", false); // { kind: "data", file: "users" }
 * classifyEntryName("userprofiles.csv", false).kind; // "refused" (did you mean userProfiles.csv?)
 * classifyEntryName("README.txt", false).kind; // "ignored"
 */
export function classifyEntryName(name: string, isDirectory: boolean): EntryVerdict {
  if (ARCHIVER_LITTER.test(name)) {
    return { kind: "ignored", message: `${name} was added by the archiving tool and is ignored.` };
  }
  if (isDirectory || name.endsWith("/")) {
    return { kind: "refused", rule: "zip.directory_entry", message: `${name} is a folder.` };
  }
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name) || name.split("/").includes("..")) {
    return {
      kind: "refused",
      rule: "zip.nested_path",
      message: `${name} points outside the package; it was not read.`,
    };
  }
  if (name.includes("/")) {
    return {
      kind: "refused",
      rule: "zip.nested_path",
      message: `${name} is inside a folder; OneRoster files must be at the top of the package.`,
    };
  }
  const file = ENTRY_NAMES.get(name);
  if (file !== undefined) return { kind: "data", file };
  if (!name.toLowerCase().endsWith(".csv")) {
    return { kind: "ignored", message: `${name} is not a CSV file and is ignored.` };
  }
  const meant = closestName(name, ENTRY_NAMES.keys());
  if (meant !== undefined && meant.toLowerCase() === name.toLowerCase()) {
    return {
      kind: "refused",
      rule: "package.file_name_case",
      message: `${name} is not a OneRoster file name: did you mean ${meant}? File names are case-sensitive.`,
      fix: `Rename ${name} to ${meant}.`,
      meant: ENTRY_NAMES.get(meant),
    };
  }
  return {
    kind: "refused",
    rule: "package.unknown_file",
    message:
      meant === undefined
        ? `${name} is not a OneRoster file name.`
        : `${name} is not a OneRoster file name: did you mean ${meant}?`,
  };
}
