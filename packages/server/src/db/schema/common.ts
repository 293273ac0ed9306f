// Column helpers shared by every table: money in 元 as numeric(18,2) (exact, string in JS).
import { numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** numeric(18,2) 元 — comes back from both drivers as a decimal string. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Primary key: text uuid generated in the database. */
export const idColumn = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
