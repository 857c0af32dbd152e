import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../src/db/tenant-context.ts";
import { send } from "./support/send.ts";
import { type TwoDistricts, twoDistricts, type Viewer } from "./support/two-districts.ts";

/**
 * Every path the Ed-Fi resources metadata documents, asked by north (whole district, and a
 * client restricted to one school) and compared with what south holds: a collection, its
 * partitions and its items never serve another tenant's records, nor the restricted client a
 * person outside its school. Descriptors hold no tenant's data.
 */

type Doc = Record<string, unknown> & { id: string };
const DATA = "/ed-fi/data/v3";
const PERSON_KEYS = new Set(["studentUniqueId", "staffUniqueId", "contactUniqueId"]);
/** Change-query paths (`/deletes`, `/keyChanges`): offset-paged lists of change records. */
const isChangeQuery = (path: string) => /\/(deletes|keyChanges)$/.test(path);

/** Every person a document names, anywhere in it. */
function peopleIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) peopleIn(item, found);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      if (PERSON_KEYS.has(key)) found.push(String(item));
      else peopleIn(item, found);
    }
  return found;
}

async function readAll(
  d: TwoDistricts,
  viewer: Viewer,
  path: string,
  start?: string,
): Promise<Doc[]> {
  const all: Doc[] = [];
  let next: string | null | undefined = start;
  do {
    const query: string = next ? `pageSize=500&pageToken=${next}` : "pageSize=500";
    const response = await send(d, viewer, "get", `${DATA}${path}?${query}`);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    all.push(...((await response.json()) as Doc[]));
    next = response.headers.get("next-page-token");
  } while (next);
  return all;
}

describe("every documented Ed-Fi route × the other tenant's ids × an org-restricted client", () => {
  let d: TwoDistricts;
  let paths: string[];
  const southIds = new Map<string, Set<string>>();

  beforeAll(async () => {
    d = await twoDistricts();
    const metadata = await d.gateway.app.request("/ed-fi/metadata/data/v3/resources/swagger.json");
    paths = Object.keys(((await metadata.json()) as { paths: Record<string, unknown> }).paths);
    for (const path of paths.filter(
      (p) => !p.includes("{") && !p.endsWith("/partitions") && !isChangeQuery(p),
    )) {
      southIds.set(path, new Set((await readAll(d, d.southAdmin, path)).map((doc) => doc.id)));
    }
  }, 180_000);
  afterAll(() => d?.gateway.close());

  const collections = () =>
    paths.filter((p) => !p.includes("{") && !p.endsWith("/partitions") && !isChangeQuery(p));

  it("knows how to probe every documented path: a collection, its partitions or an item", () => {
    expect(collections().length).toBe(22);
    for (const path of paths) {
      const collection = path.replace(/\/(partitions|\{id\}|deletes|keyChanges)$/, "");
      expect(collections(), path).toContain(collection);
    }
  });

  it("collections and partitions give north nothing of south's, nor the restricted client anyone outside its school", async () => {
    const served = new Map<string, number>();
    for (const path of collections()) {
      for (const viewer of [d.northAdmin, d.restricted]) {
        const docs = await readAll(d, viewer, path);
        const partitions = await send(d, viewer, "get", `${DATA}${path}/partitions?number=3`);
        expect(partitions.status).toBe(200);
        for (const token of ((await partitions.json()) as { pageTokens: string[] }).pageTokens) {
          docs.push(...(await readAll(d, viewer, path, token)));
        }
        const south = southIds.get(path) ?? new Set();
        const people = viewer.visible.get("user") ?? viewer.tenantIds;
        const foreign = docs.flatMap((doc) => [
          ...(south.has(doc.id) ? [`${path} ${doc.id} is south's`] : []),
          ...peopleIn(doc)
            .filter((person) => !people.has(person))
            .map((person) => `${path} names ${person}`),
        ]);
        expect({ viewer: viewer.name, foreign }).toEqual({ viewer: viewer.name, foreign: [] });
        if (docs.length > 0) served.set(viewer.name, (served.get(viewer.name) ?? 0) + 1);
      }
    }
    // Both clients were served records on most resources, so the checks above had work to do.
    expect(served.get(d.northAdmin.name)).toBeGreaterThanOrEqual(20);
    expect(served.get(d.restricted.name)).toBeGreaterThanOrEqual(15);
  }, 180_000);

  it("items: south's ids are 404 to north's clients and 200 to south", async () => {
    for (const path of paths.filter((p) => p.endsWith("/{id}"))) {
      const [id] = southIds.get(path.replace("/{id}", "")) ?? [];
      if (id === undefined) continue;
      const item = `${DATA}${path.replace("{id}", id)}`;
      for (const viewer of [d.northAdmin, d.restricted]) {
        expect({ item, status: (await send(d, viewer, "get", item)).status }).toEqual({
          item,
          status: 404,
        });
      }
      expect({ item, status: (await send(d, d.southAdmin, "get", item)).status }).toEqual({
        item,
        status: 200,
      });
    }
  });

  it("change queries give north nothing of south's, nor the restricted client anyone outside its school", async () => {
    // In each district, a student role deleted and another's begin date changed.
    for (const tenant of [d.north, d.south]) {
      await withTenant(d.gateway.database.db, tenant.id, async (tx) => {
        await tx.execute(sql`update user_roles set status = 'tobedeleted' where id = (
          select id from user_roles where role = 'student' and status = 'active' order by sourced_id limit 1)`);
        await tx.execute(sql`update user_roles set begin_date = '2001-02-03' where id = (
          select id from user_roles where role = 'student' and status = 'active' order by sourced_id desc limit 1)`);
      });
    }
    const records = async (viewer: Viewer, path: string) => {
      const response = await send(d, viewer, "get", `${DATA}${path}?limit=500`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      return (await response.json()) as Doc[];
    };
    let northRecords = 0;
    for (const path of paths.filter(isChangeQuery)) {
      const south = new Set((await records(d.southAdmin, path)).map((record) => record.id));
      for (const viewer of [d.northAdmin, d.restricted]) {
        const served = await records(viewer, path);
        if (viewer === d.northAdmin) northRecords += served.length;
        const people = viewer.visible.get("user") ?? viewer.tenantIds;
        const foreign = served.flatMap((record) => [
          ...(south.has(record.id) ? [`${path} ${record.id} is south's`] : []),
          ...peopleIn(record)
            .filter((person) => !people.has(person))
            .map((person) => `${path} names ${person}`),
        ]);
        expect({ viewer: viewer.name, foreign }).toEqual({ viewer: viewer.name, foreign: [] });
      }
    }
    expect(northRecords).toBeGreaterThan(0);
  }, 180_000);
});
