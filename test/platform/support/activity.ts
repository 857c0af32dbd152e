import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../../src/db/client.ts";
import {
  financialAccounts,
  invoices,
  leads,
  parentSatisfactionResponses,
  payments,
  qualityMetricDefinitions,
  qualityMetrics,
  schoolAttendanceEvents,
  schoolReviews,
} from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import { day } from "./network.ts";

/**
 * A term of activity at the network's two schools (see `createNetwork`), with figures chosen so
 * the school dashboard can be checked by hand:
 *
 * | school | attendance | love school | learn 2x | life skills | reviews | parent NPS | revenue |
 * |--------|-----------:|------------:|---------:|------------:|--------:|-----------:|--------:|
 * | alpha  | 7 of 8     | 90 (latest) | 2.1      | 75          | 5, 4    | +25 (4)    | 825.00  |
 * | beta   | 2 of 4     | 70          | —        | —           | none    | —          | 0       |
 */
export async function addSchoolActivity(db: Database, tenantId: string): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    const attendance = [
      ...["In Attendance", "In Attendance", "Tardy", "In Attendance"].map(
        (c) => ["student-a1", "alpha", c] as const,
      ),
      ...["In Attendance", "In Attendance", "Unexcused Absence", "Early departure"].map(
        (c) => ["student-a2", "alpha", c] as const,
      ),
      ...["In Attendance", "Excused Absence", "In Attendance", "Excused Absence"].map(
        (c) => ["student-b1", "beta", c] as const,
      ),
    ];
    await tx.insert(schoolAttendanceEvents).values(
      attendance.map(([student, school, category], i) => ({
        tenantId,
        sourcedId: `att-${i}`,
        studentSourcedId: student,
        schoolSourcedId: school,
        sessionSourcedId: "year",
        eventDate: day(-1 - (i % 4)),
        category,
      })),
    );
    await tx.insert(qualityMetricDefinitions).values([
      {
        tenantId,
        sourcedId: "joy",
        pillar: "love_school",
        name: "Students who love school",
        unit: "percent",
      },
      {
        tenantId,
        sourcedId: "growth",
        pillar: "learn_2x",
        name: "Growth rate vs. national norm",
        unit: "ratio",
      },
      {
        tenantId,
        sourcedId: "grit",
        pillar: "life_skills",
        name: "Life skills rubric",
        unit: "score",
      },
    ]);
    const measured = [
      ["joy", "alpha", -60, 80],
      ["joy", "alpha", -30, 90],
      ["growth", "alpha", -30, 2.1],
      ["grit", "alpha", -30, 75],
      ["joy", "beta", -30, 70],
    ] as const;
    await tx.insert(qualityMetrics).values(
      measured.map(([definition, school, offset, value]) => ({
        tenantId,
        sourcedId: `${definition}-${school}${offset}`,
        definitionSourcedId: definition,
        schoolSourcedId: school,
        periodStart: day(offset),
        periodEnd: day(offset + 29),
        value,
      })),
    );
    await tx.insert(schoolReviews).values(
      [5, 4].map((rating, i) => ({
        tenantId,
        sourcedId: `review-${i}`,
        schoolSourcedId: "alpha",
        reviewerRole: "parent" as const,
        rating,
      })),
    );
    // Promoters 10 and 9, a passive 7, a detractor 3; the one from over a year ago no longer counts.
    await tx.insert(parentSatisfactionResponses).values(
      [
        [10, -10],
        [9, -40],
        [7, -70],
        [3, -100],
        [0, -400],
      ].map(([score, offset]) => ({
        tenantId,
        sourcedId: `nps${offset}`,
        schoolSourcedId: "alpha",
        parentUserSourcedId: "parent-a1",
        surveyPeriod: day(offset),
        likelihoodToRecommend: score as number,
      })),
    );
    await tx.insert(financialAccounts).values({
      tenantId,
      sourcedId: "family",
      accountType: "family",
      name: "A1 family",
      holderUserSourcedId: "parent-a1",
    });
    await tx.insert(invoices).values({
      tenantId,
      sourcedId: "inv",
      invoiceNumber: "1",
      accountSourcedId: "family",
      schoolSourcedId: "alpha",
      invoiceStatus: "issued",
      issuedOn: day(-500),
    });
    await tx.insert(payments).values([
      {
        tenantId,
        sourcedId: "paid-now",
        invoiceSourcedId: "inv",
        payerAccountSourcedId: "family",
        amount: 825,
        method: "card",
      },
      {
        tenantId,
        sourcedId: "paid-long-ago",
        invoiceSourcedId: "inv",
        payerAccountSourcedId: "family",
        amount: 100,
        method: "card",
        paidAt: new Date(Date.now() - 400 * 86_400_000),
      },
    ]);
  });
}

/**
 * Four leads walked through the funnel, each stay lasting two days from 10 September 2026:
 * one enrolled (inquiry → contacted → toured → enrolled), one lost after contact, one still an
 * inquiry and one still contacted.
 */
export async function walkLeadsThroughFunnel(db: Database, tenantId: string): Promise<void> {
  const journeys = {
    "lead-enrolled": ["contacted", "toured", "enrolled"],
    "lead-lost": ["contacted", "lost"],
    "lead-waiting": [],
    "lead-contacted": ["contacted"],
  };
  for (const [sourcedId, stages] of Object.entries(journeys)) {
    await withTenant(db, tenantId, (tx) =>
      tx.insert(leads).values({
        tenantId,
        sourcedId,
        givenName: sourcedId,
        email: `${sourcedId}@example.org`,
        source: "web",
        stageSourcedId: "inquiry",
      }),
    );
    for (const stage of stages) {
      await withTenant(db, tenantId, (tx) =>
        tx.update(leads).set({ stageSourcedId: stage }).where(eq(leads.sourcedId, sourcedId)),
      );
    }
  }
  await withTenant(db, tenantId, (tx) => backdateStays(tx, tenantId));
}

async function backdateStays(tx: Transaction, tenantId: string): Promise<void> {
  await tx.execute(sql`
    with ordered as (
      select id, row_number() over (partition by lead_sourced_id order by entered_at) - 1 as k
      from lead_stage_history where tenant_id = ${tenantId}
    )
    update lead_stage_history h
       set entered_at = timestamptz '2026-09-10 12:00:00Z' + o.k * interval '2 days',
           left_at = case when h.left_at is null then null
                          else timestamptz '2026-09-10 12:00:00Z' + (o.k + 1) * interval '2 days' end
      from ordered o
     where o.id = h.id and h.tenant_id = ${tenantId}`);
}
