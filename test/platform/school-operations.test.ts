import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import {
  communicationChannels,
  communicationPreferences,
  messageRecipients,
  messages,
  parentSatisfactionResponses,
  qualityMetricDefinitions,
  qualityMetrics,
  scheduledTasks,
  schoolReviews,
  workflowRuns,
  workflowSteps,
  workflows,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { createNetwork } from "./support/network.ts";

describe("quality, automation and communication records that would mislead are refused", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let tenantId: string;
  const inTenant = <T>(work: (tx: Transaction) => Promise<T>) =>
    withTenant(database.db, tenant.id, work);

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createNetwork(database.db, "operations");
    tenantId = tenant.id;
    await inTenant(async (tx) => {
      await tx.insert(qualityMetricDefinitions).values({
        tenantId,
        sourcedId: "joy",
        pillar: "love_school",
        name: "Students who love school",
        unit: "percent",
      });
      await tx.insert(workflows).values({
        tenantId,
        sourcedId: "welcome",
        name: "Welcome new families",
        triggerType: "manual",
      });
      await tx
        .insert(communicationChannels)
        .values({ tenantId, sourcedId: "email", channelType: "email", name: "School email" });
      await tx.insert(messages).values({
        tenantId,
        sourcedId: "newsletter",
        channelSourcedId: "email",
        purpose: "marketing",
        body: "News",
      });
    });
  });
  afterAll(() => database.close());

  describe("quality", () => {
    it("refuses a metric outside the three pillars", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(qualityMetricDefinitions).values({
            tenantId,
            sourcedId: "vibes",
            pillar: "good_vibes" as "love_school",
            name: "Vibes",
            unit: "score",
          }),
        ),
        "quality_metric_definitions_pillar_check",
      ));

    it("refuses a second value of the same metric for the same school and period", async () => {
      const value = (sourcedId: string, value: number) =>
        inTenant((tx) =>
          tx.insert(qualityMetrics).values({
            tenantId,
            sourcedId,
            definitionSourcedId: "joy",
            schoolSourcedId: "alpha",
            periodStart: "2026-09-01",
            periodEnd: "2026-09-30",
            value,
          }),
        );
      await value("joy-sept", 91);
      await expectRefusal(value("joy-sept-again", 93), "quality_metrics_period_key");
    });

    it("keeps the values schools record in the quality_metrics table, named so throughout", async () => {
      const recorded = await inTenant((tx) =>
        queryRows<{ sourced_id: string; value: number }>(
          tx,
          sql`select sourced_id, value from quality_metrics where definition_sourced_id = 'joy'`,
        ),
      );
      expect(recorded).toEqual([{ sourced_id: "joy-sept", value: 91 }]);
      const [names] = await queryRows<{ kind: string; old: string | null; stray: string[] }>(
        database.db,
        sql`select (select relkind::text from pg_class where oid = 'quality_metrics'::regclass) as kind,
                   to_regclass('quality_metric_values')::text as old,
                   array(select conname::text from pg_constraint
                         where conrelid = 'quality_metrics'::regclass
                           and not starts_with(conname::text, 'quality_metrics_')
                         union all
                         select indexname::text from pg_indexes
                         where tablename = 'quality_metrics'
                           and not starts_with(indexname::text, 'quality_metrics_')) as stray`,
      );
      expect(names).toEqual({ kind: "r", old: null, stray: [] });
    });

    it("refuses a six-star review and a recommendation score above ten", async () => {
      await expectRefusal(
        inTenant((tx) =>
          tx.insert(schoolReviews).values({
            tenantId,
            sourcedId: "gushing",
            schoolSourcedId: "alpha",
            reviewerRole: "parent",
            rating: 6,
          }),
        ),
        "school_reviews_rating_check",
      );
      await expectRefusal(
        inTenant((tx) =>
          tx.insert(parentSatisfactionResponses).values({
            tenantId,
            sourcedId: "eleven",
            schoolSourcedId: "alpha",
            parentUserSourcedId: "parent-a1",
            surveyPeriod: "2026-09-01",
            likelihoodToRecommend: 11,
          }),
        ),
        "parent_satisfaction_responses_score_check",
      );
    });
  });

  describe("automation", () => {
    it("refuses an event workflow that names no event, and two steps in the same place", async () => {
      await expectRefusal(
        inTenant((tx) =>
          tx
            .insert(workflows)
            .values({ tenantId, sourcedId: "on-what", name: "On what?", triggerType: "event" }),
        ),
        "workflows_trigger_event_check",
      );
      const step = (sourcedId: string) =>
        inTenant((tx) =>
          tx.insert(workflowSteps).values({
            tenantId,
            sourcedId,
            workflowSourcedId: "welcome",
            position: 1,
            actionType: "send_message",
          }),
        );
      await step("welcome-1");
      await expectRefusal(step("welcome-1b"), "workflow_steps_position_key");
    });

    it("refuses a failed run that does not say why, and a run that finished before it started", async () => {
      const run = (sourcedId: string, values: Partial<typeof workflowRuns.$inferInsert>) =>
        inTenant((tx) =>
          tx
            .insert(workflowRuns)
            .values({ tenantId, sourcedId, workflowSourcedId: "welcome", ...values }),
        );
      const started = new Date("2026-10-01T08:00:00Z");
      await expectRefusal(
        run("silent-failure", { runStatus: "failed", startedAt: started, finishedAt: started }),
        "workflow_runs_error_check",
      );
      await expectRefusal(
        run("time-travel", {
          runStatus: "succeeded",
          startedAt: started,
          finishedAt: new Date("2026-10-01T07:00:00Z"),
        }),
        "workflow_runs_period_check",
      );
    });

    it("refuses a schedule that is not a five-field cron expression", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(scheduledTasks).values({
            tenantId,
            sourcedId: "nightly",
            name: "Nightly",
            taskType: "metrics_export",
            cronExpression: "every night",
          }),
        ),
        "scheduled_tasks_cron_check",
      ));
  });

  describe("communication", () => {
    it("refuses a channel that is not email, SMS, push or in-app", () =>
      expectRefusal(
        inTenant((tx) =>
          tx
            .insert(communicationChannels)
            .values({ tenantId, sourcedId: "fax", channelType: "fax" as "email", name: "Fax" }),
        ),
        "communication_channels_channel_type_check",
      ));

    it("refuses a bounce without the reason it bounced", () =>
      expectRefusal(
        inTenant((tx) =>
          tx.insert(messageRecipients).values({
            tenantId,
            sourcedId: "bounce",
            messageSourcedId: "newsletter",
            userSourcedId: "parent-a1",
            address: "parent@example.org",
            deliveryStatus: "bounced",
          }),
        ),
        "message_recipients_error_check",
      ));

    it("lets a parent opt out of marketing but not of emergency notices", async () => {
      const choose = (sourcedId: string, topic: "marketing" | "emergency") =>
        inTenant((tx) =>
          tx.insert(communicationPreferences).values({
            tenantId,
            sourcedId,
            userSourcedId: "parent-a1",
            channelType: "sms",
            topic,
            optedIn: false,
          }),
        );
      await choose("no-marketing", "marketing");
      await expectRefusal(
        choose("no-emergency", "emergency"),
        "communication_preferences_emergency_check",
      );
    });
  });
});
