import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A data owner (a network or a district) with its own sourcedId space. */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("tenants_slug_check", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)],
);
