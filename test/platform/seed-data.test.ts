import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { funnelStages, leadScoringRules } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

describe("seed data: the standard funnel and scoring rules of every tenant", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  const snapshot = () =>
    withTenant(database.db, tenant.id, async (tx) => ({
      stages: await tx.select().from(funnelStages).orderBy(asc(funnelStages.position)),
      rules: await tx.select().from(leadScoringRules).orderBy(asc(leadScoringRules.sourcedId)),
    }));
  const reseedEveryTenant = () =>
    database.db.execute(sql`select seed_tenant_defaults(id) from tenants`);

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "seeded", "Seeded network");
  });
  afterAll(() => database.close());

  it("gives a new tenant the enrollment funnel, in order, and the scoring rules", async () => {
    const { stages, rules } = await snapshot();
    expect(stages.map((s) => [s.sourcedId, s.kind])).toEqual([
      ["inquiry", "open"],
      ["contacted", "open"],
      ["tour-scheduled", "open"],
      ["toured", "open"],
      ["application-started", "open"],
      ["application-submitted", "open"],
      ["enrolled", "won"],
      ["lost", "lost"],
    ]);
    expect(rules).toHaveLength(12);
    expect(rules.find((r) => r.sourcedId === "source.referral")).toMatchObject({
      criterion: "source",
      matchValue: "referral",
      points: 25,
    });
  });

  it("changes nothing when applied again, not even the change cursor", async () => {
    const before = await snapshot();
    await reseedEveryTenant();
    await reseedEveryTenant();
    expect(await snapshot()).toEqual(before);
  });

  it("leaves what a tenant changed as it is: renamed stages, other points, retired rules", async () => {
    await withTenant(database.db, tenant.id, async (tx) => {
      await tx
        .update(funnelStages)
        .set({ name: "Visited" })
        .where(eq(funnelStages.sourcedId, "toured"));
      await tx
        .update(leadScoringRules)
        .set({ points: 30 })
        .where(eq(leadScoringRules.sourcedId, "source.event"));
      await tx
        .update(leadScoringRules)
        .set({ status: "tobedeleted" })
        .where(eq(leadScoringRules.sourcedId, "touch.web-visit"));
    });
    const changed = await snapshot();
    await reseedEveryTenant();
    const after = await snapshot();
    expect(after).toEqual(changed);
    expect(after.stages.find((s) => s.sourcedId === "toured")?.name).toBe("Visited");
    expect(after.rules.find((r) => r.sourcedId === "touch.web-visit")?.status).toBe("tobedeleted");
  });

  it("seeds each tenant in its own sourcedId space", async () => {
    const other = await createTenant(database.db, "other", "Other network");
    const stagesOf = (t: Tenant) =>
      withTenant(database.db, t.id, (tx) => tx.select().from(funnelStages));
    expect((await stagesOf(tenant)).map((s) => s.tenantId)).toEqual(Array(8).fill(tenant.id));
    expect((await stagesOf(other)).map((s) => s.tenantId)).toEqual(Array(8).fill(other.id));
  });
});
