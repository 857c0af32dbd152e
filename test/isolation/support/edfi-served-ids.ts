import { readZipBuffer } from "../../unit/csv-write/zip-entries.ts";
import type { Viewer } from "./two-districts.ts";

/** Every `…UniqueId` (a person's sourcedId) anywhere in an Ed-Fi document, nested ones included. */
function* uniqueIds(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* uniqueIds(item);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (/UniqueId$/.test(key) && typeof item === "string") yield item;
      else yield* uniqueIds(item);
    }
  }
}

/**
 * The persons an Ed-Fi JSONL zip names that `viewer` may not be served, as readable lines
 * (empty when none), and how many persons it names in all (so a check had work to do).
 */
export async function foreignInEdfiZip(
  viewer: Viewer,
  zip: ArrayBuffer,
): Promise<{ foreign: string[]; persons: number }> {
  const users = viewer.visible.get("user") ?? new Set<string>();
  const foreign: string[] = [];
  let persons = 0;
  for (const [name, text] of await readZipBuffer(Buffer.from(zip))) {
    if (!name.endsWith(".jsonl")) continue;
    for (const line of text.split("\n").filter(Boolean)) {
      for (const id of uniqueIds(JSON.parse(line))) {
        persons += 1;
        if (!users.has(id))
          foreign.push(`${name}: person ${id} outside what ${viewer.name} may see`);
      }
    }
  }
  return { foreign, persons };
}
