import { type SQL, sql } from "drizzle-orm";

/**
 * What each end user of the test network (see network.ts) may do to each table, written for a
 * district's security reviewer. Reads list the records the person sees; every write is an
 * attempt the application itself may make (unless marked otherwise), and is refused for the end
 * user unless marked `allowed`.
 */

export const PEOPLE = {
  "student-a1": "a student (alpha)",
  "parent-a1": "a parent of student-a1",
  "coach-a": "a teacher of math at alpha",
  "staff-d": "a district administrator",
} as const;
export type Person = keyof typeof PEOPLE;

/** Seen by everyone: tables without a reading rule show the whole tenant. */
const EVERY_ENROLLMENT = [
  "enrollment-coach-a",
  "enrollment-coach-b",
  "enrollment-student-a1",
  "enrollment-student-a2",
  "enrollment-student-b1",
];

export interface TableExpectations {
  table: string;
  /** The column that names a row in the reads below. */
  key: string;
  /** What each person sees: sourcedIds, or `nothing` (no rows, or no privilege at all). */
  reads: Record<Person, string[] | "nothing">;
  writes: WriteAttempt[];
}

export interface WriteAttempt {
  command: "INSERT" | "UPDATE" | "DELETE";
  /** What the person tries, in words. */
  attempt: string;
  statement: (tenantId: string, person: Person) => SQL;
  /** Those for whom it succeeds; everyone else is refused. */
  allowed?: "everyone";
  /** The application's own outcome, when it is refused too (append-only tables). */
  application?: "refused";
}

export const EXPECTATIONS: TableExpectations[] = [
  {
    table: "users",
    key: "sourced_id",
    reads: {
      "student-a1": ["coach-a", "parent-a1", "student-a1", "student-a2", "visitor-a"],
      "parent-a1": ["parent-a1", "student-a1"],
      "coach-a": ["coach-a", "parent-a1", "student-a1", "student-a2", "visitor-a"],
      "staff-d": ["staff-d"],
    },
    writes: [
      {
        command: "INSERT",
        attempt: "add a person",
        statement: (tenant) =>
          sql`insert into users (tenant_id, sourced_id, given_name, family_name) values (${tenant}, 'impostor', 'Im', 'Postor')`,
      },
      {
        command: "UPDATE",
        attempt: "change their own preferred first name",
        statement: (_, person) =>
          sql`update users set preferred_first_name = 'Sunny' where sourced_id = ${person}`,
        allowed: "everyone",
      },
      {
        command: "UPDATE",
        attempt: "change their own name of record",
        statement: (_, person) =>
          sql`update users set given_name = 'Renamed' where sourced_id = ${person}`,
      },
      {
        command: "UPDATE",
        attempt: "move themself to another school",
        statement: (_, person) =>
          sql`update users set primary_org_sourced_id = 'beta' where sourced_id = ${person}`,
      },
      {
        command: "UPDATE",
        attempt: "change a classmate's preferred first name",
        statement: () =>
          sql`update users set preferred_first_name = 'Changed' where sourced_id = 'student-a2'`,
      },
      {
        command: "DELETE",
        attempt: "delete visitor-a, a member of alpha",
        statement: () => sql`delete from users where sourced_id = 'visitor-a'`,
      },
    ],
  },
  {
    table: "enrollments",
    key: "sourced_id",
    reads: {
      "student-a1": EVERY_ENROLLMENT,
      "parent-a1": EVERY_ENROLLMENT,
      "coach-a": EVERY_ENROLLMENT,
      "staff-d": EVERY_ENROLLMENT,
    },
    writes: [
      {
        command: "INSERT",
        attempt: "enroll student-a1 in beta's math class",
        statement: (tenant) =>
          sql`insert into enrollments (tenant_id, sourced_id, user_sourced_id, class_sourced_id, school_sourced_id, role)
              values (${tenant}, 'enrollment-forged', 'student-a1', 'math-beta', 'beta', 'student')`,
      },
      {
        command: "UPDATE",
        attempt: "make student-a1 a teacher of math at alpha",
        statement: () =>
          sql`update enrollments set role = 'teacher' where sourced_id = 'enrollment-student-a1'`,
      },
      {
        command: "DELETE",
        attempt: "remove student-a1 from math at alpha",
        statement: () => sql`delete from enrollments where sourced_id = 'enrollment-student-a1'`,
      },
    ],
  },
  {
    table: "results",
    key: "sourced_id",
    reads: {
      "student-a1": ["result-student-a1"],
      "parent-a1": ["result-student-a1"],
      "coach-a": ["result-student-a1", "result-student-a2"],
      "staff-d": "nothing",
    },
    writes: [
      {
        command: "INSERT",
        attempt: "give student-a1 a 100 on alpha's homework",
        statement: (tenant) =>
          sql`insert into results (tenant_id, sourced_id, line_item_sourced_id, student_sourced_id, score_status, score, score_date)
              values (${tenant}, 'result-forged', 'homework-alpha', 'student-a1', 'fully graded', 100, current_date)`,
      },
      {
        command: "UPDATE",
        attempt: "raise student-a1's homework score",
        statement: () => sql`update results set score = 100 where sourced_id = 'result-student-a1'`,
      },
      {
        command: "DELETE",
        attempt: "delete student-a1's homework result",
        statement: () => sql`delete from results where sourced_id = 'result-student-a1'`,
      },
    ],
  },
  {
    table: "course_grades",
    key: "sourced_id",
    reads: {
      "student-a1": ["grade-student-a1"],
      "parent-a1": ["grade-student-a1"],
      "coach-a": ["grade-student-a1", "grade-student-a2"],
      "staff-d": "nothing",
    },
    writes: [
      {
        command: "INSERT",
        attempt: "add a course grade for student-a1",
        statement: (tenant) =>
          sql`insert into course_grades (tenant_id, sourced_id, student_sourced_id, course_sourced_id, class_sourced_id, session_sourced_id, final_letter_grade, course_attempt_result)
              values (${tenant}, 'grade-forged', 'student-a1', 'math', 'math-beta', 'year', 'A+', 'Pass')`,
      },
      {
        command: "UPDATE",
        attempt: "change student-a1's final grade",
        statement: () =>
          sql`update course_grades set final_letter_grade = 'A+' where sourced_id = 'grade-student-a1'`,
      },
      {
        command: "DELETE",
        attempt: "delete student-a1's course grade",
        statement: () => sql`delete from course_grades where sourced_id = 'grade-student-a1'`,
      },
    ],
  },
  {
    table: "financial_accounts",
    key: "sourced_id",
    reads: {
      "student-a1": ["acct-a1", "acct-a1-savings"],
      "parent-a1": ["acct-parent"],
      "coach-a": ["acct-coach-a"],
      "staff-d": "nothing",
    },
    writes: [
      {
        command: "INSERT",
        attempt: "open an account for themself",
        statement: (tenant, person) =>
          sql`insert into financial_accounts (tenant_id, sourced_id, account_type, name, holder_user_sourced_id)
              values (${tenant}, 'acct-forged', 'family', 'Forged', ${person})`,
      },
      {
        command: "UPDATE",
        attempt: "rename student-a1's learning funds",
        statement: () =>
          sql`update financial_accounts set name = 'Mine now' where sourced_id = 'acct-a1'`,
      },
      {
        command: "DELETE",
        attempt: "close student-a1's savings account",
        statement: () => sql`delete from financial_accounts where sourced_id = 'acct-a1-savings'`,
      },
    ],
  },
  {
    table: "transactions",
    key: "sourced_id",
    reads: {
      "student-a1": ["tx-tuition-a1"],
      "parent-a1": ["tx-tuition-a1"],
      "coach-a": ["tx-tuition-a1"],
      "staff-d": "nothing",
    },
    writes: [
      {
        command: "INSERT",
        attempt: "debit the parent's account in favour of student-a1",
        statement: (tenant) =>
          sql`insert into transactions (tenant_id, sourced_id, transaction_type, amount, payer_account_sourced_id, student_account_sourced_id, student_share)
              values (${tenant}, 'tx-forged', 'tuition', 900, 'acct-parent', 'acct-a1', 900)`,
      },
      {
        command: "UPDATE",
        attempt: "move the coach's share of the tuition to the student",
        statement: () =>
          sql`update transactions set student_share = 450, coach_share = 0 where sourced_id = 'tx-tuition-a1'`,
      },
      {
        command: "DELETE",
        attempt: "delete the tuition transaction",
        statement: () => sql`delete from transactions where sourced_id = 'tx-tuition-a1'`,
      },
    ],
  },
  {
    table: "audit_logs",
    key: "action",
    reads: {
      "student-a1": "nothing",
      "parent-a1": "nothing",
      "coach-a": "nothing",
      "staff-d": "nothing",
    },
    writes: [
      {
        command: "INSERT",
        attempt: "write a record into the audit log",
        statement: (tenant, person) =>
          sql`insert into audit_logs (tenant_id, actor_type, actor_id, action) values (${tenant}, 'user', ${person}, 'forged')`,
      },
      {
        command: "UPDATE",
        attempt: "rewrite the audit log",
        statement: () => sql`update audit_logs set purpose = 'nothing to see'`,
        application: "refused",
      },
      {
        command: "DELETE",
        attempt: "erase the audit log",
        statement: () => sql`delete from audit_logs`,
        application: "refused",
      },
    ],
  },
];
