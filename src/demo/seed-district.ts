import { sql } from "drizzle-orm";
import { LOAD_ORDER } from "../csv/catalogue.ts";
import type { CsvRecord } from "../csv/record.ts";
import type { Database } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";
import { generateDistrict } from "../generate/index.ts";
import { applyRecords } from "../imports/apply-records.ts";
import type { Tenant } from "../tenants/tenants.ts";
import { seedAttendance } from "./seed-attendance.ts";

const BATCH = 500;

export interface DistrictSize {
  students: number;
  seed?: number;
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
  const files = generateDistrict({ students: size.students, seed: size.seed ?? 1 });
  await withTenant(db, tenant.id, async (tx) => {
    await tx.execute(sql`set constraints all deferred`);
    for (const file of LOAD_ORDER) {
      let batch: CsvRecord[] = [];
      for await (const record of files[file]()) {
        batch.push(record);
        if (batch.length === BATCH) {
          await applyRecords(tx, tenant.id, file, batch);
          batch = [];
        }
      }
      await applyRecords(tx, tenant.id, file, batch);
    }
    await seedAttendance(tx, tenant.id);
  });
}
