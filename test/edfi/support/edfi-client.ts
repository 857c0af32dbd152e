import type { Gateway } from "../../oneroster/support/gateway.ts";

export const DATA = "/ed-fi/data/v3/ed-fi";
export const EDFI_READ = ["edfi.readonly"];

export type Doc = Record<string, unknown> & { id: string };

/** GET an Ed-Fi path with a bearer token. */
export const edfiGet = (gateway: Gateway, path: string, token?: string) =>
  gateway.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** Every record of a collection, following Next-Page-Token (cursor paging) to the end. */
export async function readAll(
  gateway: Gateway,
  token: string,
  endpoint: string,
  pageSize = 500,
): Promise<Doc[]> {
  const all: Doc[] = [];
  let next: string | null = null;
  do {
    const query: string =
      next === null ? `pageSize=${pageSize}` : `pageSize=${pageSize}&pageToken=${next}`;
    const response = await edfiGet(gateway, `${DATA}/${endpoint}?${query}`, token);
    if (response.status !== 200)
      throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
    all.push(...((await response.json()) as Doc[]));
    next = response.headers.get("next-page-token");
  } while (next !== null);
  return all;
}
