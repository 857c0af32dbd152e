import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const TOUCHPOINT_CHANNELS = [
  "web_visit",
  "form",
  "email",
  "sms",
  "call",
  "chat",
  "event",
  "tour",
  "ad_click",
  "social",
  "other",
] as const;

/**
 * Every contact a lead has with a school. Partitioned by month, so it is created by the SQL
 * migration `lead_touchpoints` (Drizzle cannot declare partitioned tables); declared here for
 * typed queries only and left out of drizzle-kit's schema.
 */
export const leadTouchpoints = pgTable(
  "lead_touchpoints",
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    leadSourcedId: text().notNull(),
    channel: text({ enum: TOUCHPOINT_CHANNELS }).notNull(),
    campaign: text(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    description: text(),
    metadata: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ name: "lead_touchpoints_pkey", columns: [t.tenantId, t.id, t.occurredAt] }),
    index("lead_touchpoints_lead_idx").on(t.tenantId, t.leadSourcedId, t.occurredAt),
  ],
);
