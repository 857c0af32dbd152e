import pg from "pg";

/** PostgreSQL server the suite runs against when set; PGlite in memory otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** One statement on the server's admin connection (database creation and removal). */
export async function adminQuery(text: string): Promise<void> {
  await adminRows(text);
}

export async function adminRows<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
