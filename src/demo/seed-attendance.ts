import { sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";

/**
 * Two weeks of school calendar and daily attendance for every student, derived set-based from
 * the rostered schools, school year and students. Categories follow a fixed hash of student
 * and day, so the same district always gets the same attendance.
 */
export async function seedAttendance(tx: Transaction, tenantId: string): Promise<void> {
  await tx.execute(sql`
    insert into calendars (tenant_id, sourced_id, school_sourced_id, school_year, calendar_code)
    select o.tenant_id, 'cal-' || o.sourced_id, o.sourced_id, y.school_year::int, 'main'
    from orgs o
    cross join (select school_year from academic_sessions
                where tenant_id = ${tenantId} and type = 'schoolYear' order by school_year desc limit 1) y
    where o.tenant_id = ${tenantId} and o.type = 'school'
    on conflict do nothing`);
  await tx.execute(sql`
    insert into calendar_dates (tenant_id, sourced_id, calendar_sourced_id, date, events)
    select c.tenant_id, c.sourced_id || '-' || to_char(d, 'YYYYMMDD'), c.sourced_id, d::date,
           array['Instructional day']
    from calendars c
    join academic_sessions y on y.tenant_id = c.tenant_id and y.type = 'schoolYear'
     and y.school_year::int = c.school_year
    cross join generate_series(y.start_date::timestamp, y.start_date::timestamp + interval '13 days', interval '1 day') d
    where c.tenant_id = ${tenantId} and extract(isodow from d) < 6
    on conflict do nothing`);
  await tx.execute(sql`
    insert into school_attendance_events
      (tenant_id, sourced_id, student_sourced_id, school_sourced_id, session_sourced_id, event_date, category)
    select r.tenant_id, 'att-' || r.user_sourced_id || '-' || to_char(cd.date, 'YYYYMMDD'),
           r.user_sourced_id, r.org_sourced_id, y.sourced_id, cd.date,
           case abs(hashtext(r.user_sourced_id || cd.date::text)) % 25
             when 0 then 'Excused Absence' when 1 then 'Unexcused Absence' when 2 then 'Tardy'
             else 'In Attendance' end
    from user_roles r
    join calendars c on c.tenant_id = r.tenant_id and c.school_sourced_id = r.org_sourced_id
    join calendar_dates cd on cd.tenant_id = c.tenant_id and cd.calendar_sourced_id = c.sourced_id
    join academic_sessions y on y.tenant_id = c.tenant_id and y.type = 'schoolYear'
     and y.school_year::int = c.school_year
    where r.tenant_id = ${tenantId} and r.role = 'student' and r.role_type = 'primary'
    on conflict do nothing`);
}
