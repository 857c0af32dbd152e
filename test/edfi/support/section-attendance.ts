import { sql } from "drizzle-orm";
import { withTenant } from "../../../src/db/tenant-context.ts";
import type { Gateway } from "../../oneroster/support/gateway.ts";

/**
 * The demo district records daily attendance only; this adds a period attendance event for
 * each of the first `count` student enrollments (on the class's first term's start date), so
 * that studentSectionAttendanceEvents has records to serve.
 */
export async function addSectionAttendance(gateway: Gateway, count = 25): Promise<void> {
  const tenantId = gateway.tenant.id;
  await withTenant(gateway.database.db, tenantId, (tx) =>
    tx.execute(sql`
      insert into class_attendance_events
        (tenant_id, sourced_id, student_sourced_id, class_sourced_id, event_date, category, reason)
      select e.tenant_id, 'catt-' || e.sourced_id, e.user_sourced_id, e.class_sourced_id,
             t.start_date, case when row_number() over (order by e.sourced_id) % 5 = 0
               then 'Tardy' else 'In Attendance' end, null
      from enrollments e
      join classes k on k.tenant_id = e.tenant_id and k.sourced_id = e.class_sourced_id
      join academic_sessions t on t.tenant_id = k.tenant_id and t.sourced_id = k.term_sourced_ids[1]
      where e.tenant_id = ${tenantId} and e.role = 'student'
      order by e.sourced_id limit ${count}`),
  );
}
