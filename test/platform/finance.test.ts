import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import { auditLogs } from "../../src/db/existing/index.ts";
import {
  esaApplicationStatusHistory,
  esaApplications,
  financialAccounts,
  invoiceLines,
  invoices,
  transactions,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { withUser } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { createNetwork } from "./support/network.ts";

describe("finance: accounts, split transactions, invoices and ESA applications", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let tenantId: string;
  const inTenant = <T>(work: (tx: Transaction) => Promise<T>) =>
    withTenant(database.db, tenant.id, work);
  const pay = (sourcedId: string, split: Partial<typeof transactions.$inferInsert>) =>
    inTenant((tx) =>
      tx.insert(transactions).values({
        tenantId,
        sourcedId,
        transactionType: "tuition",
        amount: 1000,
        payerAccountSourcedId: "family",
        studentAccountSourcedId: "student",
        coachAccountSourcedId: "coach",
        platformAccountSourcedId: "platform",
        ...split,
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createNetwork(database.db, "ledger");
    tenantId = tenant.id;
    await inTenant((tx) =>
      tx.insert(financialAccounts).values([
        {
          tenantId,
          sourcedId: "family",
          accountType: "family",
          name: "A1 family",
          holderUserSourcedId: "parent-a1",
        },
        {
          tenantId,
          sourcedId: "student",
          accountType: "student",
          name: "A1 funds",
          holderUserSourcedId: "student-a1",
        },
        {
          tenantId,
          sourcedId: "coach",
          accountType: "coach",
          name: "Coach A",
          holderUserSourcedId: "coach-a",
        },
        { tenantId, sourcedId: "platform", accountType: "platform", name: "Platform" },
      ]),
    );
  });
  afterAll(() => database.close());

  describe("a payment split between student, coach and platform", () => {
    it("is accepted when the shares add up to the amount to the cent", async () => {
      await pay("tuition-sept", { studentShare: 100.01, coachShare: 799.99, platformShare: 100 });
      const stored = await inTenant((tx) =>
        tx
          .select({
            amount: transactions.amount,
            studentShare: transactions.studentShare,
            coachShare: transactions.coachShare,
            platformShare: transactions.platformShare,
          })
          .from(transactions)
          .where(eq(transactions.sourcedId, "tuition-sept")),
      );
      expect(stored).toEqual([
        { amount: 1000, studentShare: 100.01, coachShare: 799.99, platformShare: 100 },
      ]);
    });

    it("is refused when the shares fall short of the amount or exceed it", async () => {
      await expectRefusal(
        pay("short", { studentShare: 100, coachShare: 800, platformShare: 99.99 }),
        "transactions_split_sum_check",
      );
      await expectRefusal(
        pay("over", { studentShare: 100, coachShare: 850, platformShare: 100 }),
        "transactions_split_sum_check",
      );
    });

    it("is refused when a share goes to a party with no account named", () =>
      expectRefusal(
        pay("nowhere", {
          coachAccountSourcedId: null,
          studentShare: 0,
          coachShare: 900,
          platformShare: 100,
        }),
        "transactions_share_account_check",
      ));

    it("is refused with a negative share balanced by a larger one", () =>
      expectRefusal(
        pay("negative", { studentShare: -100, coachShare: 1000, platformShare: 100 }),
        "transactions_shares_check",
      ));
  });

  it("refuses a student account nobody holds", () =>
    expectRefusal(
      inTenant((tx) =>
        tx
          .insert(financialAccounts)
          .values({ tenantId, sourcedId: "orphan", accountType: "student", name: "Orphan" }),
      ),
      "financial_accounts_holder_check",
    ));

  it("refuses an invoice line whose amount is not quantity times unit price", async () => {
    await inTenant((tx) =>
      tx.insert(invoices).values({
        tenantId,
        sourcedId: "inv-1",
        invoiceNumber: "2026-0001",
        accountSourcedId: "family",
        schoolSourcedId: "alpha",
        invoiceStatus: "issued",
        issuedOn: "2026-09-01",
        dueOn: "2026-09-15",
      }),
    );
    const line = (sourcedId: string, position: number, amount: number) =>
      inTenant((tx) =>
        tx.insert(invoiceLines).values({
          tenantId,
          sourcedId,
          invoiceSourcedId: "inv-1",
          position,
          description: "Tuition, September",
          quantity: 2,
          unitPrice: 412.5,
          amount,
        }),
      );
    await line("inv-1-1", 1, 825);
    await expectRefusal(line("inv-1-2", 2, 800), "invoice_lines_amount_check");
  });

  describe("an ESA application", () => {
    const apply = (sourcedId: string, values: Partial<typeof esaApplications.$inferInsert> = {}) =>
      inTenant((tx) =>
        tx.insert(esaApplications).values({
          tenantId,
          sourcedId,
          studentUserSourcedId: "student-a1",
          guardianUserSourcedId: "parent-a1",
          program: "Texas Education Freedom Accounts",
          schoolYear: "2027",
          amountRequested: 10_000,
          ...values,
        }),
      );

    it("carries an approval prediction only with the model version that made it", async () => {
      await expectRefusal(
        apply("no-model", { approvalProbability: 0.82 }),
        "esa_applications_prediction_check",
      );
      await expectRefusal(
        apply("impossible", { approvalProbability: 1.2, predictionModelVersion: "esa-v3" }),
        "esa_applications_probability_check",
      );
      await apply("predicted", { approvalProbability: 0.82, predictionModelVersion: "esa-v3" });
    });

    it("cannot be approved without a decision date, nor granted an amount unless approved", async () => {
      await expectRefusal(
        apply("undated", { applicationStatus: "approved", submittedAt: new Date() }),
        "esa_applications_decided_check",
      );
      await expectRefusal(
        apply("granted-draft", { amountApproved: 9000 }),
        "esa_applications_approved_amount_check",
      );
    });

    it("keeps the history of its statuses, decided by the school, never by an end user", async () => {
      await apply("history");
      await inTenant((tx) =>
        tx
          .update(esaApplications)
          .set({ applicationStatus: "submitted", submittedAt: new Date() })
          .where(eq(esaApplications.sourcedId, "history")),
      );
      const decision = {
        applicationStatus: "approved" as const,
        decidedAt: new Date(),
        amountApproved: 9500,
      };
      // Money is never an end user's to write, an administrator's included.
      await expectRefusal(
        withUser(database.db, tenantId, "staff-d", (tx) =>
          tx.update(esaApplications).set(decision).where(eq(esaApplications.sourcedId, "history")),
        ),
        /permission denied for table esa_applications/,
      );
      await inTenant((tx) =>
        tx.update(esaApplications).set(decision).where(eq(esaApplications.sourcedId, "history")),
      );
      const history = await inTenant((tx) =>
        tx
          .select()
          .from(esaApplicationStatusHistory)
          .where(eq(esaApplicationStatusHistory.applicationSourcedId, "history"))
          .orderBy(esaApplicationStatusHistory.changedAt),
      );
      expect(history.map((h) => [h.fromStatus, h.toStatus, h.changedBy])).toEqual([
        [null, "draft", null],
        ["draft", "submitted", null],
        ["submitted", "approved", null],
      ]);
    });
  });

  it("records the change history of financial rows in the audit log, only what changed on update", async () => {
    await pay("audited", { studentShare: 0, coachShare: 900, platformShare: 100 });
    const retitle = (tx: Transaction) =>
      tx
        .update(transactions)
        .set({ description: "September tuition" })
        .where(eq(transactions.sourcedId, "audited"));
    await expectRefusal(
      withUser(database.db, tenantId, "parent-a1", retitle),
      /permission denied for table transactions/,
    );
    await inTenant(retitle);
    const trail = await inTenant((tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(eq(auditLogs.entity, "transactions"), sql`${auditLogs.entityIds} = array['audited']`),
        )
        .orderBy(auditLogs.occurredAt),
    );
    expect(trail.map((entry) => [entry.action, entry.actorType])).toEqual([
      ["insert", "system"],
      ["update", "system"],
    ]);
    expect(trail[0]?.changes).toMatchObject({ new: { amount: 1000, coach_share: 900 } });
    expect(trail[1]).toMatchObject({
      purpose: "change history",
      changes: { description: { old: null, new: "September tuition" } },
    });
  });
});
