// Accounts (one role each, of a department or the finance bureau), their sessions, and security settings.
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Role } from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';

/** A user account. Admin accounts of the whole installation have region_code '*'. */
export const users = pgTable(
  'users',
  {
    id: idColumn(),
    /** The region the account serves ('*' = every region, for installation-wide administrators). */
    regionCode: text('region_code').notNull(),
    /** Login name: lower-case letters, digits, _ . - (unique). */
    username: text('username').notNull().unique('users_username'),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** The department (clerk, deptHead) or finance bureau (financeReviewer, administrators) of the account. */
    departmentCode: text('department_code').references(() => departments.code),
    /** scrypt$logN$r$p$salt$hash (base64url); never the password. */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** The password was set by someone else (generated first-admin password, account created or reset by an
     *  administrator): the owner must change it before doing anything else. Cleared by a password change. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Consecutive failed logins; reset on success. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_department').on(t.departmentCode)],
);

/** A login session. Only the sha256 of the cookie token (and of the CSRF token) is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash'),
    csrfHash: text('csrf_hash').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Security settings managed by the security administrator (key 'passwordPolicy' …). */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: updatedAt(),
});

/** Earlier password hashes of an account (the one replaced at each change or reset), for "no reuse of the last 5". */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: idColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The replaced hash (scrypt$…); never a password. */
    passwordHash: text('password_hash').notNull(),
    /** When it stopped being the account's password. */
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.replacedAt)],
);
