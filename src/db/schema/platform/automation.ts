import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { implies, oneOf } from "./columns.ts";

export const TRIGGER_TYPES = ["event", "schedule", "manual"] as const;
export const STEP_ACTIONS = [
  "send_message",
  "update_record",
  "create_task",
  "wait",
  "webhook",
  "branch",
] as const;
export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

/** An automation: what starts it (an event, a schedule, a person) and whether it is switched on. */
export const workflows = pgTable(
  "workflows",
  {
    ...entityColumns(),
    name: text().notNull(),
    description: text(),
    triggerType: text({ enum: TRIGGER_TYPES }).notNull(),
    /** The event that starts an event-triggered workflow, e.g. `lead.stage_changed`. */
    triggerEvent: text(),
    enabled: boolean().notNull().default(true),
  },
  (t) => [
    ...entityConstraints("workflows", t),
    oneOf("workflows_trigger_type_check", t.triggerType, TRIGGER_TYPES),
    implies(
      "workflows_trigger_event_check",
      sql`${t.triggerType} = 'event'`,
      sql`${t.triggerEvent} is not null`,
    ),
  ],
);

/** The ordered actions of a workflow. */
export const workflowSteps = pgTable(
  "workflow_steps",
  {
    ...entityColumns(),
    workflowSourcedId: text().notNull(),
    position: integer().notNull(),
    actionType: text({ enum: STEP_ACTIONS }).notNull(),
    config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    ...entityConstraints("workflow_steps", t),
    ...refersTo("workflow_steps_workflow", t.tenantId, t.workflowSourcedId, workflows),
    unique("workflow_steps_position_key").on(t.tenantId, t.workflowSourcedId, t.position),
    oneOf("workflow_steps_action_type_check", t.actionType, STEP_ACTIONS),
    check("workflow_steps_position_check", sql`${t.position} > 0`),
    check("workflow_steps_config_check", sql`jsonb_typeof(${t.config}) = 'object'`),
  ],
);

/** One execution of a workflow; a failed run says why and at which step. */
export const workflowRuns = pgTable(
  "workflow_runs",
  {
    ...entityColumns(),
    workflowSourcedId: text().notNull(),
    runStatus: text({ enum: RUN_STATUSES }).notNull().default("queued"),
    triggeredBy: text(),
    context: jsonb().$type<Record<string, unknown>>(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
    errorMessage: text(),
    errorStepPosition: integer(),
  },
  (t) => [
    ...entityConstraints("workflow_runs", t),
    ...refersTo("workflow_runs_workflow", t.tenantId, t.workflowSourcedId, workflows),
    oneOf("workflow_runs_run_status_check", t.runStatus, RUN_STATUSES),
    implies(
      "workflow_runs_started_check",
      sql`${t.runStatus} in ('running','succeeded','failed')`,
      sql`${t.startedAt} is not null`,
    ),
    implies(
      "workflow_runs_finished_check",
      sql`${t.runStatus} in ('succeeded','failed','cancelled')`,
      sql`${t.finishedAt} is not null`,
    ),
    check(
      "workflow_runs_period_check",
      sql`${t.finishedAt} is null or ${t.startedAt} is null or ${t.finishedAt} >= ${t.startedAt}`,
    ),
    implies(
      "workflow_runs_error_check",
      sql`${t.runStatus} = 'failed'`,
      sql`${t.errorMessage} is not null`,
    ),
  ],
);

/** Work run on a cron schedule, such as a nightly workflow or the daily metrics export. */
export const scheduledTasks = pgTable(
  "scheduled_tasks",
  {
    ...entityColumns(),
    name: text().notNull(),
    taskType: text().notNull(),
    workflowSourcedId: text(),
    cronExpression: text().notNull(),
    timezone: text().notNull().default("UTC"),
    enabled: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true, precision: 3 }),
    lastRunAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    ...entityConstraints("scheduled_tasks", t),
    ...refersTo("scheduled_tasks_workflow", t.tenantId, t.workflowSourcedId, workflows),
    check("scheduled_tasks_cron_check", sql`${t.cronExpression} ~ '^\\S+( \\S+){4}$'`),
    implies(
      "scheduled_tasks_workflow_check",
      sql`${t.taskType} = 'workflow'`,
      sql`${t.workflowSourcedId} is not null`,
    ),
  ],
);
