import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import {
  describeMaintenance,
  funnelMetrics,
  maintain,
  schoolMetrics,
} from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { addSchoolActivity, walkLeadsThroughFunnel } from "./support/activity.ts";
import { createNetwork } from "./support/network.ts";

describe("the school and funnel dashboards", () => {
  let database: TestDatabase;
  let north: Tenant;
  let south: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createNetwork(database.db, "north");
    south = await createNetwork(database.db, "south");
    await addSchoolActivity(database.db, north.id);
    await walkLeadsThroughFunnel(database.db, north.id);
  });
  afterAll(() => database.close());

  it("show nothing until maintenance refreshes them, then what happened, per school", async () => {
    expect(await withTenant(database.db, north.id, schoolMetrics)).toEqual([]);
    await maintain(database.db);
    const [alpha, beta, ...others] = await withTenant(database.db, north.id, schoolMetrics);
    expect(others).toEqual([]);
    expect(alpha).toMatchObject({
      schoolSourcedId: "alpha",
      schoolName: "Alpha School",
      activeStudents: 2,
      activeCoaches: 1,
      activeClasses: 1,
      attendanceRate: 0.875,
      loveSchoolScore: 90,
      learn2xScore: 2.1,
      lifeSkillsScore: 75,
      reviewCount: 2,
      averageRating: 4.5,
      parentResponses: 4,
      parentNps: 25,
      revenue12Months: 825,
    });
    expect(beta).toMatchObject({
      schoolSourcedId: "beta",
      activeStudents: 1,
      attendanceRate: 0.5,
      loveSchoolScore: 70,
      learn2xScore: null,
      reviewCount: 0,
      averageRating: null,
      parentNps: null,
      revenue12Months: 0,
    });
  });

  it("show each tenant only its own schools", async () => {
    const seenBySouth = await withTenant(database.db, south.id, schoolMetrics);
    expect(seenBySouth.map((s) => [s.schoolSourcedId, s.tenantId])).toEqual([
      ["alpha", south.id],
      ["beta", south.id],
    ]);
    expect(seenBySouth[0]).toMatchObject({ attendanceRate: null, revenue12Months: 0 });
  });

  it("count the funnel per stage and month: entries, conversions, losses and days in stage", async () => {
    const funnel = await withTenant(database.db, north.id, funnelMetrics);
    const figures = funnel.map((f) => [
      f.stageSourcedId,
      f.periodStart,
      f.entered,
      f.advanced,
      f.lost,
      f.stillInStage,
      f.enrolled,
    ]);
    expect(figures).toEqual([
      ["inquiry", "2026-09-01", 4, 3, 0, 1, 1],
      ["contacted", "2026-09-01", 3, 1, 1, 1, 1],
      ["toured", "2026-09-01", 1, 1, 0, 0, 1],
      ["enrolled", "2026-09-01", 1, 0, 0, 1, 1],
      ["lost", "2026-09-01", 1, 0, 0, 1, 0],
    ]);
    expect(funnel[0]).toMatchObject({
      conversionRate: 0.75,
      enrollmentRate: 0.25,
      avgDaysInStage: 2,
    });
    expect(funnel[1]).toMatchObject({ conversionRate: 0.3333, avgDaysInStage: 2 });
    expect(funnel[3]).toMatchObject({ avgDaysInStage: null });
    expect(await withTenant(database.db, south.id, funnelMetrics)).toEqual([]);
  });

  it("are out of the application's reach except through views bound to its tenant", async () => {
    for (const view of ["school_metrics_current", "lead_funnel_metrics"]) {
      await expectRefusal(
        withTenant(database.db, north.id, (tx) =>
          queryRows(tx, sql`select tenant_id from ${sql.identifier(view)}`),
        ),
        new RegExp(`permission denied for materialized view ${view}`),
      );
    }
    const tenantsSeen = await withTenant(database.db, north.id, (tx) =>
      queryRows<{ tenant_id: string }>(
        tx,
        sql`select tenant_id from tenant_school_metrics union select tenant_id from tenant_lead_funnel_metrics`,
      ),
    );
    expect(tenantsSeen).toEqual([{ tenant_id: north.id }]);
    const withoutTenant = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role tsa_app`);
      return queryRows(tx, sql`select * from tenant_school_metrics`);
    });
    expect(withoutTenant).toEqual([]);
  });

  it("are refreshed as tsa_reporting, which reads every tenant although tenant tables force RLS on their owners", async () => {
    const owners = await queryRows<{ owner: string }>(
      database.db,
      sql`select distinct pg_get_userbyid(relowner) as owner from pg_class
          where relname in ('school_metrics_current', 'lead_funnel_metrics')`,
    );
    expect(owners).toEqual([{ owner: "tsa_reporting" }]);
    const tenantsSeen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role tsa_reporting`);
      await tx.execute(sql`refresh materialized view concurrently school_metrics_current`);
      return queryRows<{ n: number }>(
        tx,
        sql`select count(distinct tenant_id)::int as n from school_metrics_current`,
      );
    });
    expect(tenantsSeen).toEqual([{ n: 2 }]);
  });

  it("report what maintenance did: partitions per table and each view refreshed, with timings", async () => {
    const report = await maintain(database.db);
    expect(report.partitions.map((p) => p.table)).toEqual(["audit_logs", "lead_touchpoints"]);
    expect(report.views.map((v) => v.view)).toEqual([
      "school_metrics_current",
      "lead_funnel_metrics",
    ]);
    expect(report.views.every((v) => v.durationMs >= 0)).toBe(true);
    expect(describeMaintenance(report)).toEqual([
      "partitions: audit_logs already ahead",
      "partitions: lead_touchpoints already ahead",
      `refreshed school_metrics_current concurrently in ${report.views[0]?.durationMs} ms`,
      `refreshed lead_funnel_metrics concurrently in ${report.views[1]?.durationMs} ms`,
      `done in ${report.durationMs} ms`,
    ]);
  });

  it("log each daily metrics export in the audit log, with what it covered", async () => {
    const [logged] = await withTenant(database.db, north.id, async (tx) => {
      const [{ id } = { id: "" }] = await queryRows<{ id: string }>(
        tx,
        sql`select log_daily_metrics_export('board report') as id`,
      );
      return tx.select().from(auditLogs).where(eq(auditLogs.id, id));
    });
    const schools = (await withTenant(database.db, north.id, schoolMetrics)).length;
    expect(logged).toMatchObject({
      tenantId: north.id,
      actorType: "system",
      action: "export",
      entity: "daily_metrics",
      recordCount: schools + 5,
      purpose: "board report",
      changes: { schools, funnelRows: 5 },
    });
  });
});
