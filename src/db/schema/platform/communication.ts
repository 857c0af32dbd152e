import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { users } from "../users.ts";
import { implies, oneOf } from "./columns.ts";
import { leads } from "./leads.ts";

export const CHANNEL_TYPES = ["email", "sms", "push", "in_app"] as const;
export const MESSAGE_PURPOSES = ["transactional", "marketing", "alert"] as const;
export const DELIVERY_STATUSES = [
  "queued",
  "sent",
  "delivered",
  "opened",
  "bounced",
  "failed",
  "suppressed",
] as const;
/** Topics people opt in or out of; `emergency` notices cannot be refused. */
export const MESSAGE_TOPICS = [
  "emergency",
  "attendance",
  "grades",
  "billing",
  "events",
  "marketing",
] as const;

/** A way of reaching people, through one provider (an email service, an SMS gateway, push). */
export const communicationChannels = pgTable(
  "communication_channels",
  {
    ...entityColumns(),
    channelType: text({ enum: CHANNEL_TYPES }).notNull(),
    name: text().notNull(),
    provider: text(),
    senderAddress: text(),
    enabled: boolean().notNull().default(true),
  },
  (t) => [
    ...entityConstraints("communication_channels", t),
    oneOf("communication_channels_channel_type_check", t.channelType, CHANNEL_TYPES),
  ],
);

/** Reusable wording for a channel, with `{{placeholders}}` filled at send time. */
export const messageTemplates = pgTable(
  "message_templates",
  {
    ...entityColumns(),
    channelSourcedId: text().notNull(),
    name: text().notNull(),
    locale: text().notNull().default("en"),
    subject: text(),
    body: text().notNull(),
  },
  (t) => [
    ...entityConstraints("message_templates", t),
    ...refersTo("message_templates_channel", t.tenantId, t.channelSourcedId, communicationChannels),
    unique("message_templates_name_key").on(t.tenantId, t.channelSourcedId, t.name, t.locale),
    check("message_templates_body_check", sql`length(btrim(${t.body})) > 0`),
    check("message_templates_locale_check", sql`${t.locale} ~ '^[a-z]{2}(-[A-Z]{2})?$'`),
  ],
);

/** One message sent (or to be sent) on a channel, possibly from a template. */
export const messages = pgTable(
  "messages",
  {
    ...entityColumns(),
    channelSourcedId: text().notNull(),
    templateSourcedId: text(),
    purpose: text({ enum: MESSAGE_PURPOSES }).notNull(),
    topic: text({ enum: MESSAGE_TOPICS }),
    subject: text(),
    body: text().notNull(),
    senderUserSourcedId: text(),
    scheduledAt: timestamp({ withTimezone: true, precision: 3 }),
    sentAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    ...entityConstraints("messages", t),
    ...refersTo("messages_channel", t.tenantId, t.channelSourcedId, communicationChannels),
    ...refersTo("messages_template", t.tenantId, t.templateSourcedId, messageTemplates),
    ...refersTo("messages_sender", t.tenantId, t.senderUserSourcedId, users),
    oneOf("messages_purpose_check", t.purpose, MESSAGE_PURPOSES),
    oneOf("messages_topic_check", t.topic, MESSAGE_TOPICS),
  ],
);

/** Who a message went to (a user or a lead, at an address) and how far delivery got. */
export const messageRecipients = pgTable(
  "message_recipients",
  {
    ...entityColumns(),
    messageSourcedId: text().notNull(),
    userSourcedId: text(),
    leadSourcedId: text(),
    address: text().notNull(),
    deliveryStatus: text({ enum: DELIVERY_STATUSES }).notNull().default("queued"),
    statusAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    error: text(),
  },
  (t) => [
    ...entityConstraints("message_recipients", t),
    ...refersTo("message_recipients_message", t.tenantId, t.messageSourcedId, messages),
    ...refersTo("message_recipients_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("message_recipients_lead", t.tenantId, t.leadSourcedId, leads),
    unique("message_recipients_address_key").on(t.tenantId, t.messageSourcedId, t.address),
    oneOf("message_recipients_delivery_status_check", t.deliveryStatus, DELIVERY_STATUSES),
    implies(
      "message_recipients_error_check",
      sql`${t.deliveryStatus} in ('bounced','failed')`,
      sql`${t.error} is not null`,
    ),
  ],
);

/** A person's choice to receive, or not, one topic on one kind of channel. */
export const communicationPreferences = pgTable(
  "communication_preferences",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    channelType: text({ enum: CHANNEL_TYPES }).notNull(),
    topic: text({ enum: MESSAGE_TOPICS }).notNull(),
    optedIn: boolean().notNull(),
  },
  (t) => [
    ...entityConstraints("communication_preferences", t),
    ...refersTo("communication_preferences_user", t.tenantId, t.userSourcedId, users),
    unique("communication_preferences_choice_key").on(
      t.tenantId,
      t.userSourcedId,
      t.channelType,
      t.topic,
    ),
    oneOf("communication_preferences_channel_type_check", t.channelType, CHANNEL_TYPES),
    oneOf("communication_preferences_topic_check", t.topic, MESSAGE_TOPICS),
    implies(
      "communication_preferences_emergency_check",
      sql`${t.topic} = 'emergency'`,
      sql`${t.optedIn}`,
    ),
  ],
);
