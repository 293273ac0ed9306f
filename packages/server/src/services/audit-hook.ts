// Services write their audit entry through this one function, inside their transaction.
import type { Queryable } from '../db/open-db.ts';
import type { Actor } from './actor.ts';

export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId: string;
  departmentCode: string | null;
  before: unknown;
  after: unknown;
}

export type AuditWriter = (tx: Queryable, actor: Actor, entry: AuditEntryInput) => Promise<void>;

let writer: AuditWriter | null = null;

/** The audit module installs the real (hash-chained) writer at import time. */
export function installAuditWriter(w: AuditWriter): void {
  writer = w;
}

export async function auditInTx(tx: Queryable, actor: Actor, entry: AuditEntryInput): Promise<void> {
  if (writer) {
    await writer(tx, actor, entry);
  }
}
