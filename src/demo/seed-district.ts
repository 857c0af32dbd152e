import { sql } from "drizzle-orm";
import { LOAD_ORDER } from "../csv/index.ts";
import type { Database } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";
import { type CsvRecord, entityOfFile } from "../entities/index.ts";
import { generateDistrict } from "../generate/index.ts";
import type { Tenant } from "../tenants/index.ts";
import { upsertRows } from "../writes/index.ts";
import { seedAttendance } from "./seed-attendance.ts";

const BATCH = 500;

export interface DistrictSize {
  students: number;
  seed?: number;
  /** The year the school year ends in; default that of {@link generateDistrict}. */
  schoolYear?: number;
}

/**
 * Fills a tenant with a generated district (the same records `tsa-gateway generate` writes as
 * CSV) plus a few weeks of attendance, in one transaction. The test suite builds its data
 * with it too.
 *
 * @example
 * await seedDistrict(db, tenant, { students: 300 });
 */
export async function seedDistrict(
  db: Database,
  tenant: Tenant,
  size: DistrictSize,
): Promise<void> {
  const files = generateDistrict({
    students: size.students,
    seed: size.seed ?? 1,
    schoolYear: size.schoolYear,
  });
  await withTenant(db, tenant.id, async (tx) => {
    await tx.execute(sql`set constraints all deferred`);
    for (const file of LOAD_ORDER) {
      const entity = entityOfFile(file);
      const write = (batch: CsvRecord[]) =>
        upsertRows(
          tx,
          entity,
          batch.map((record) => entity.fromCsv(tenant.id, record)),
        );
      let batch: CsvRecord[] = [];
      for await (const record of files[file]()) {
        batch.push(record);
        if (batch.length === BATCH) {
          await write(batch);
          batch = [];
        }
      }
      await write(batch);
    }
    await seedAttendance(tx, tenant.id);
  });
}
