import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  type PgColumn,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { orgs } from "../organizations.ts";
import { users } from "../users.ts";
import { historyColumns, historyKey, implies, money, oneOf } from "./columns.ts";

export const ACCOUNT_TYPES = ["student", "family", "coach", "school", "platform"] as const;
export const TRANSACTION_TYPES = [
  "tuition",
  "esa_disbursement",
  "coach_payout",
  "fee",
  "refund",
  "adjustment",
] as const;
export const INVOICE_STATUSES = ["draft", "issued", "paid", "overdue", "void"] as const;
export const PAYMENT_METHODS = ["card", "ach", "esa", "check", "cash", "other"] as const;
export const ESA_STATUSES = [
  "draft",
  "submitted",
  "under_review",
  "approved",
  "denied",
  "withdrawn",
  "funded",
] as const;

const currencyCheck = (table: string, column: PgColumn) =>
  check(`${table}_currency_check`, sql`${column} ~ '^[A-Z]{3}$'`);

/** Where money is held: a student's or family's funds, a coach's earnings, a school, the platform. */
export const financialAccounts = pgTable(
  "financial_accounts",
  {
    ...entityColumns(),
    accountType: text({ enum: ACCOUNT_TYPES }).notNull(),
    name: text().notNull(),
    /** The person who may see this account in an end-user session. */
    holderUserSourcedId: text(),
    orgSourcedId: text(),
    currency: text().notNull().default("USD"),
  },
  (t) => [
    ...entityConstraints("financial_accounts", t),
    ...refersTo("financial_accounts_holder", t.tenantId, t.holderUserSourcedId, users),
    ...refersTo("financial_accounts_org", t.tenantId, t.orgSourcedId, orgs),
    oneOf("financial_accounts_account_type_check", t.accountType, ACCOUNT_TYPES),
    currencyCheck("financial_accounts", t.currency),
    implies(
      "financial_accounts_holder_check",
      sql`${t.accountType} in ('student','family','coach')`,
      sql`${t.holderUserSourcedId} is not null`,
    ),
  ],
);

/**
 * One movement of money paid from one account and split between the student's, the coach's and
 * the platform's accounts. The shares must add up to the amount exactly, and a share can only
 * go to an account that is named.
 */
export const transactions = pgTable(
  "transactions",
  {
    ...entityColumns(),
    transactionType: text({ enum: TRANSACTION_TYPES }).notNull(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    description: text(),
    currency: text().notNull().default("USD"),
    amount: money().notNull(),
    payerAccountSourcedId: text().notNull(),
    studentAccountSourcedId: text(),
    coachAccountSourcedId: text(),
    platformAccountSourcedId: text(),
    studentShare: money().notNull().default(0),
    coachShare: money().notNull().default(0),
    platformShare: money().notNull().default(0),
  },
  (t) => [
    ...entityConstraints("transactions", t),
    ...refersTo("transactions_payer", t.tenantId, t.payerAccountSourcedId, financialAccounts),
    ...refersTo(
      "transactions_student_account",
      t.tenantId,
      t.studentAccountSourcedId,
      financialAccounts,
    ),
    ...refersTo(
      "transactions_coach_account",
      t.tenantId,
      t.coachAccountSourcedId,
      financialAccounts,
    ),
    ...refersTo(
      "transactions_platform_account",
      t.tenantId,
      t.platformAccountSourcedId,
      financialAccounts,
    ),
    index("transactions_occurred_idx").on(t.tenantId, t.occurredAt),
    oneOf("transactions_transaction_type_check", t.transactionType, TRANSACTION_TYPES),
    currencyCheck("transactions", t.currency),
    check("transactions_amount_check", sql`${t.amount} > 0`),
    check(
      "transactions_shares_check",
      sql`${t.studentShare} >= 0 and ${t.coachShare} >= 0 and ${t.platformShare} >= 0`,
    ),
    check(
      "transactions_split_sum_check",
      sql`${t.studentShare} + ${t.coachShare} + ${t.platformShare} = ${t.amount}`,
    ),
    check(
      "transactions_share_account_check",
      sql`(${t.studentShare} = 0 or ${t.studentAccountSourcedId} is not null)
        and (${t.coachShare} = 0 or ${t.coachAccountSourcedId} is not null)
        and (${t.platformShare} = 0 or ${t.platformAccountSourcedId} is not null)`,
    ),
  ],
);

/** A bill to an account for a school's services; its total is the sum of its lines. */
export const invoices = pgTable(
  "invoices",
  {
    ...entityColumns(),
    invoiceNumber: text().notNull(),
    accountSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
    studentUserSourcedId: text(),
    invoiceStatus: text({ enum: INVOICE_STATUSES }).notNull().default("draft"),
    currency: text().notNull().default("USD"),
    issuedOn: date({ mode: "string" }),
    dueOn: date({ mode: "string" }),
  },
  (t) => [
    ...entityConstraints("invoices", t),
    ...refersTo("invoices_account", t.tenantId, t.accountSourcedId, financialAccounts),
    ...refersTo("invoices_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("invoices_student", t.tenantId, t.studentUserSourcedId, users),
    unique("invoices_number_key").on(t.tenantId, t.invoiceNumber),
    oneOf("invoices_invoice_status_check", t.invoiceStatus, INVOICE_STATUSES),
    currencyCheck("invoices", t.currency),
    implies(
      "invoices_issued_check",
      sql`${t.invoiceStatus} <> 'draft'`,
      sql`${t.issuedOn} is not null`,
    ),
    check(
      "invoices_due_check",
      sql`${t.dueOn} is null or ${t.issuedOn} is null or ${t.dueOn} >= ${t.issuedOn}`,
    ),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    ...entityColumns(),
    invoiceSourcedId: text().notNull(),
    position: integer().notNull(),
    description: text().notNull(),
    quantity: numeric({ precision: 10, scale: 2, mode: "number" }).notNull(),
    unitPrice: money().notNull(),
    amount: money().notNull(),
  },
  (t) => [
    ...entityConstraints("invoice_lines", t),
    ...refersTo("invoice_lines_invoice", t.tenantId, t.invoiceSourcedId, invoices),
    unique("invoice_lines_position_key").on(t.tenantId, t.invoiceSourcedId, t.position),
    check("invoice_lines_quantity_check", sql`${t.quantity} > 0 and ${t.unitPrice} >= 0`),
    check(
      "invoice_lines_amount_check",
      sql`${t.amount} = round(${t.quantity} * ${t.unitPrice}, 2)`,
    ),
  ],
);

/** Money received against an invoice; the revenue the school dashboard reports. */
export const payments = pgTable(
  "payments",
  {
    ...entityColumns(),
    invoiceSourcedId: text().notNull(),
    payerAccountSourcedId: text().notNull(),
    transactionSourcedId: text(),
    amount: money().notNull(),
    method: text({ enum: PAYMENT_METHODS }).notNull(),
    paidAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    externalReference: text(),
  },
  (t) => [
    ...entityConstraints("payments", t),
    ...refersTo("payments_invoice", t.tenantId, t.invoiceSourcedId, invoices),
    ...refersTo("payments_payer", t.tenantId, t.payerAccountSourcedId, financialAccounts),
    ...refersTo("payments_transaction", t.tenantId, t.transactionSourcedId, transactions),
    index("payments_paid_idx").on(t.tenantId, t.paidAt),
    oneOf("payments_method_check", t.method, PAYMENT_METHODS),
    check("payments_amount_check", sql`${t.amount} > 0`),
  ],
);

/**
 * An application for Education Savings Account funds for a student, with the model's prediction
 * of approval (probability and the model version that made it, always together).
 */
export const esaApplications = pgTable(
  "esa_applications",
  {
    ...entityColumns(),
    studentUserSourcedId: text().notNull(),
    guardianUserSourcedId: text(),
    schoolSourcedId: text(),
    program: text().notNull(),
    schoolYear: text().notNull(),
    applicationStatus: text({ enum: ESA_STATUSES }).notNull().default("draft"),
    amountRequested: money().notNull(),
    amountApproved: money(),
    submittedAt: timestamp({ withTimezone: true, precision: 3 }),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    approvalProbability: numeric({ precision: 4, scale: 3, mode: "number" }),
    predictionModelVersion: text(),
    predictedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    ...entityConstraints("esa_applications", t),
    ...refersTo("esa_applications_student", t.tenantId, t.studentUserSourcedId, users),
    ...refersTo("esa_applications_guardian", t.tenantId, t.guardianUserSourcedId, users),
    ...refersTo("esa_applications_school", t.tenantId, t.schoolSourcedId, orgs),
    oneOf("esa_applications_application_status_check", t.applicationStatus, ESA_STATUSES),
    check("esa_applications_school_year_check", sql`${t.schoolYear} ~ '^[0-9]{4}$'`),
    check(
      "esa_applications_amounts_check",
      sql`${t.amountRequested} >= 0 and (${t.amountApproved} is null or ${t.amountApproved} >= 0)`,
    ),
    implies(
      "esa_applications_approved_amount_check",
      sql`${t.amountApproved} is not null`,
      sql`${t.applicationStatus} in ('approved','funded')`,
    ),
    implies(
      "esa_applications_submitted_check",
      sql`${t.applicationStatus} <> 'draft'`,
      sql`${t.submittedAt} is not null`,
    ),
    implies(
      "esa_applications_decided_check",
      sql`${t.applicationStatus} in ('approved','denied','funded')`,
      sql`${t.decidedAt} is not null`,
    ),
    check(
      "esa_applications_probability_check",
      sql`${t.approvalProbability} is null or ${t.approvalProbability} between 0 and 1`,
    ),
    check(
      "esa_applications_prediction_check",
      sql`(${t.approvalProbability} is null) = (${t.predictionModelVersion} is null)`,
    ),
  ],
);

/** Every status an ESA application passed through, written by trigger on each change. */
export const esaApplicationStatusHistory = pgTable(
  "esa_application_status_history",
  {
    ...historyColumns(),
    applicationSourcedId: text().notNull(),
    fromStatus: text({ enum: ESA_STATUSES }),
    toStatus: text({ enum: ESA_STATUSES }).notNull(),
    changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The end user who made the change, when the change came from an end-user session. */
    changedBy: text(),
  },
  (t) => [
    historyKey("esa_application_status_history", t),
    ...refersTo(
      "esa_status_history_application",
      t.tenantId,
      t.applicationSourcedId,
      esaApplications,
    ),
  ],
);
