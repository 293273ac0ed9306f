// The audit trail: an append-only, hash-chained log of every change (and every refused access).
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One audit entry. hash = sha256(canonical JSON of the entry incl. prev_hash); seq is gapless (1, 2, 3 …).
 * UPDATE / DELETE / TRUNCATE are refused by triggers (migration audit_append_only).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id').notNull(),
    actorUsername: text('actor_username').notNull(),
    actorRole: text('actor_role').notNull(),
    ip: text('ip'),
    /** e.g. goal.submit, indicator.actual.set, access.denied. */
    action: text('action').notNull(),
    /** Table or noun changed, e.g. goals, indicators. */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    departmentCode: text('department_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** The canonical JSON bytes the hash covers (every field above but hash); null for entries written
     *  before they were stored. Verification hashes these bytes and checks the columns against them. */
    entryText: text('entry_text'),
    /** The writing transaction (txid_current()): a business change commits only beside an entry of its own
     *  transaction (deferred trigger require_audit_entry, migration audit_required). Not part of the hash. */
    txId: bigint('tx_id', { mode: 'number' })
      .notNull()
      .default(sql`txid_current()`),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorUsername),
    index('audit_log_action').on(t.action),
    index('audit_log_department').on(t.departmentCode),
    index('audit_log_tx').on(t.txId),
  ],
);

/** The head of the chain (one row, id 1): writers lock it FOR UPDATE, so the chain never forks. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
