// The audit trail writer: recordAudit appends one hash-chained entry inside the caller's transaction.
//
//   recordAudit(tx, actor, { action, entity, entityId, departmentCode, before, after }): Promise<{ seq, hash }>
//
// - tx: the transaction that makes the change (drizzle `db.transaction(async (tx) => …)`), so the change and
//   its audit entry commit or roll back together. Given the database itself, it opens its own transaction.
// - actor: the services' Actor (userId, username, role, ip); system/anonymous pseudo-actors are allowed.
// - action: dotted verb, e.g. 'goal.submit', 'indicator.actual.set', 'ledger.import', 'access.denied'.
// - entity / entityId: the table (or noun) and the row id changed; departmentCode: whose data it is (or null).
// - before / after: JSON-able snapshots (or null); Dates become ISO strings. Never put passwords or tokens in them.
//
// Writers are serialised by locking the one chain-head row (SELECT … FOR UPDATE), so seq is gapless and the chain
// never forks: hash = sha256(canonical JSON of the entry + prev_hash). The table is append-only (triggers).
// Services import `auditInTx` (or `recordAudit` for pseudo-actors) from here directly: there is no registry,
// so a write path cannot run without the writer.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../db/open-db.ts';
import { auditChainHead, auditLog } from '../db/schema/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { canonicalJson, toJsonValue } from './canonical-json.ts';

/** What a service says about its change; who and when are added by the writer. */
export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId: string;
  departmentCode: string | null;
  before: unknown;
  after: unknown;
}

/** Who acted: a user (Actor), or a pseudo-actor for the system itself and for failed logins. */
export interface AuditActor {
  userId: string;
  username: string;
  role: Actor['role'] | 'system' | 'anonymous';
  ip: string | null;
}

export const SYSTEM_ACTOR: AuditActor = {
  userId: 'system',
  username: 'system',
  role: 'system',
  ip: null,
};

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but the hash itself). */
export interface AuditEntryFields {
  seq: number;
  at: string;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  departmentCode: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/** The canonical bytes an entry's hash covers: sorted keys, no whitespace (stored as entry_text). */
export function entryText(e: AuditEntryFields): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at,
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    actorRole: e.actorRole,
    ip: e.ip,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    departmentCode: e.departmentCode,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function entryHash(e: AuditEntryFields): string {
  return sha256Hex(entryText(e));
}

/** Append one audit entry in the caller's transaction (see the header for the contract). */
export async function recordAudit(
  tx: Queryable,
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<{ seq: number; hash: string }> {
  if (!(tx instanceof PgTransaction)) {
    return tx.transaction((inner) => append(inner, actor, entry));
  }
  return append(tx as Tx, actor, entry);
}

async function append(
  tx: Tx,
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<{ seq: number; hash: string }> {
  let head = (
    await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update')
  )[0];
  if (!head) {
    await tx
      .insert(auditChainHead)
      .values({ id: 1, lastSeq: 0, lastHash: GENESIS_HASH })
      .onConflictDoNothing();
    head = (
      await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update')
    )[0];
  }
  if (!head) {
    throw new Error('audit chain head missing');
  }
  const fields: AuditEntryFields = {
    seq: head.lastSeq + 1,
    at: new Date().toISOString(),
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    ip: actor.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    departmentCode: entry.departmentCode,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    prevHash: head.lastHash,
  };
  const text = entryText(fields);
  const hash = sha256Hex(text);
  await tx.insert(auditLog).values({ ...fields, at: new Date(fields.at), hash, entryText: text });
  await tx
    .update(auditChainHead)
    .set({ lastSeq: fields.seq, lastHash: hash })
    .where(eq(auditChainHead.id, 1));
  return { seq: fields.seq, hash };
}

/** A service's audit entry for the signed-in actor, inside the service's transaction. */
export async function auditInTx(
  tx: Queryable,
  actor: Actor,
  entry: AuditEntryInput,
): Promise<void> {
  await recordAudit(tx, actor, entry);
}
