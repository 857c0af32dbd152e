import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import {
  leadScores,
  leadScoringRules,
  leadStageHistory,
  leads,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { leadTouchpoints } from "../../src/platform/index.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";

describe("leads: the enrollment funnel", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  const inTenant = <T>(work: (tx: Transaction) => Promise<T>) =>
    withTenant(database.db, tenant.id, work);
  const addLead = (sourcedId: string, values: Partial<typeof leads.$inferInsert> = {}) =>
    inTenant((tx) =>
      tx.insert(leads).values({
        tenantId: tenant.id,
        sourcedId,
        givenName: "Jordan",
        email: `${sourcedId}@example.org`,
        source: "web",
        stageSourcedId: "inquiry",
        ...values,
      }),
    );
  const scoreOf = async (lead: string) => {
    const [row] = await inTenant((tx) =>
      tx.select().from(leadScores).where(eq(leadScores.leadSourcedId, lead)),
    );
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "funnel", "Funnel network");
  });
  afterAll(() => database.close());

  describe("refuses leads that cannot be followed up", () => {
    it("without any way to contact the family", () =>
      expectRefusal(addLead("no-contact", { email: null, phone: null }), "leads_contact_check"));

    it("with an email address that is not one", () =>
      expectRefusal(addLead("bad-email", { email: "jordan at example" }), "leads_email_check"));

    it("in a stage the tenant's funnel does not have", () =>
      expectRefusal(addLead("no-stage", { stageSourcedId: "daydreaming" }), "leads_stage_fkey"));

    it("from a source outside the list", () =>
      expectRefusal(addLead("bad-source", { source: "billboard" as "web" }), "leads_source_check"));

    it("and scoring rules that match on a source without naming it", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(leadScoringRules).values({
            tenantId: tenant.id,
            sourcedId: "vague",
            name: "Vague",
            criterion: "source",
            points: 5,
          }),
        ),
        "lead_scoring_rules_match_value_check",
      ));
  });

  it("records each stay in a stage, closing the previous one when the lead moves on", async () => {
    await addLead("mover");
    await inTenant((tx) =>
      tx.update(leads).set({ stageSourcedId: "contacted" }).where(eq(leads.sourcedId, "mover")),
    );
    await inTenant((tx) =>
      tx.update(leads).set({ givenName: "Jordan R." }).where(eq(leads.sourcedId, "mover")),
    );
    await inTenant((tx) =>
      tx.update(leads).set({ stageSourcedId: "toured" }).where(eq(leads.sourcedId, "mover")),
    );
    const stays = await inTenant((tx) =>
      tx
        .select()
        .from(leadStageHistory)
        .where(eq(leadStageHistory.leadSourcedId, "mover"))
        .orderBy(leadStageHistory.enteredAt),
    );
    expect(stays.map((s) => [s.stageSourcedId, s.leftAt === null])).toEqual([
      ["inquiry", false],
      ["contacted", false],
      ["toured", true],
    ]);
  });

  describe("scoring, kept current by triggers from the tenant's scoring rules", () => {
    it("scores a new lead from what it is: a referral with phone, email and a school in mind", async () => {
      await addLead("referred", { source: "referral", phone: "+1 555 0100" });
      expect(await scoreOf("referred")).toMatchObject({
        score: 40,
        breakdown: { "source.referral": 25, "contact.phone": 10, "contact.email": 5 },
      });
    });

    it("adds points for touchpoints, each rule up to its cap", async () => {
      await addLead("browser");
      expect((await scoreOf("browser"))?.score).toBe(5);
      const visit = {
        tenantId: tenant.id,
        leadSourcedId: "browser",
        channel: "web_visit" as const,
      };
      await inTenant((tx) =>
        tx.insert(leadTouchpoints).values(Array.from({ length: 8 }, () => visit)),
      );
      expect((await scoreOf("browser"))?.breakdown).toMatchObject({ "touch.web-visit": 10 });
      await inTenant((tx) => tx.insert(leadTouchpoints).values({ ...visit, channel: "tour" }));
      expect((await scoreOf("browser"))?.score).toBe(35);
    });

    it("rescores when the lead changes and when touchpoints are removed", async () => {
      await inTenant((tx) =>
        tx
          .update(leads)
          .set({ stageSourcedId: "application-started", phone: "+1 555 0101" })
          .where(eq(leads.sourcedId, "browser")),
      );
      expect((await scoreOf("browser"))?.score).toBe(60);
      await inTenant((tx) =>
        tx
          .delete(leadTouchpoints)
          .where(
            and(eq(leadTouchpoints.leadSourcedId, "browser"), eq(leadTouchpoints.channel, "tour")),
          ),
      );
      expect((await scoreOf("browser"))?.score).toBe(40);
    });

    it("rescores every lead when a rule changes or is retired", async () => {
      await inTenant((tx) =>
        tx
          .update(leadScoringRules)
          .set({ points: 45 })
          .where(eq(leadScoringRules.sourcedId, "source.referral")),
      );
      expect((await scoreOf("referred"))?.score).toBe(60);
      await inTenant((tx) =>
        tx
          .update(leadScoringRules)
          .set({ status: "tobedeleted" })
          .where(eq(leadScoringRules.sourcedId, "contact.email")),
      );
      expect(await scoreOf("referred")).toMatchObject({
        score: 55,
        breakdown: { "source.referral": 45, "contact.phone": 10 },
      });
    });

    it("keeps a score within 0 and 100 however many rules match", async () => {
      await inTenant((tx) =>
        tx.insert(leadScoringRules).values({
          tenantId: tenant.id,
          sourcedId: "vip",
          name: "VIP campaign",
          criterion: "utm_campaign",
          matchValue: "VIP",
          points: 100,
        }),
      );
      await addLead("vip", { source: "referral", utmCampaign: "vip", phone: "+1 555 0102" });
      expect((await scoreOf("vip"))?.score).toBe(100);
      await inTenant((tx) =>
        tx.insert(leadScoringRules).values({
          tenantId: tenant.id,
          sourcedId: "spam",
          name: "Spam source",
          criterion: "utm_source",
          matchValue: "spam",
          points: -100,
        }),
      );
      await addLead("spam", { utmSource: "spam" });
      expect((await scoreOf("spam"))?.score).toBe(0);
    });

    it("scores a bulk load of leads in one statement", async () => {
      await inTenant((tx) =>
        tx.insert(leads).values(
          Array.from({ length: 50 }, (_, i) => ({
            tenantId: tenant.id,
            sourcedId: `bulk-${i}`,
            givenName: "Bulk",
            phone: "+1 555 0199",
            source: "event" as const,
            stageSourcedId: "inquiry",
          })),
        ),
      );
      const [scored] = await inTenant((tx) =>
        queryRows<{ n: number; min: number; max: number }>(
          tx,
          sql`select count(*)::int as n, min(score) as min, max(score) as max from lead_scores where lead_sourced_id like 'bulk-%'`,
        ),
      );
      expect(scored).toEqual({ n: 50, min: 25, max: 25 });
    });
  });
});
