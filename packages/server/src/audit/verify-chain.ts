// Verify the audit hash chain end to end: gapless seq, each prev_hash = the previous hash, each hash recomputed,
// and the chain head pointing at the last entry. Reports the first broken entry.
import { asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/open-db.ts';
import { auditChainHead, auditLog } from '../db/schema/audit.ts';
import { GENESIS_HASH, entryHash } from './audit-log.ts';

export interface ChainBreak {
  seq: number;
  reason: 'hash' | 'prevHash' | 'gap' | 'head';
  message: string;
  messageEn: string;
}

export interface ChainVerification {
  entries: number;
  intact: boolean;
  firstBroken: ChainBreak | null;
  lastSeq: number;
  lastHash: string;
}

const PAGE = 2000;

export async function verifyAuditChain(db: Queryable): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let firstBroken: ChainBreak | null = null;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const r of rows) {
      entries += 1;
      if (firstBroken === null) {
        if (r.seq !== expectedSeq) {
          firstBroken = {
            seq: r.seq,
            reason: 'gap',
            message: `第 ${expectedSeq} 条审计记录缺失（下一条为第 ${r.seq} 条）：记录被删除`,
            messageEn: `entry ${expectedSeq} is missing (next is ${r.seq}): entries were deleted`,
          };
        } else if (r.prevHash !== prevHash) {
          firstBroken = {
            seq: r.seq,
            reason: 'prevHash',
            message: `第 ${r.seq} 条审计记录的前序哈希与上一条不符：链被改动`,
            messageEn: `entry ${r.seq}: prev_hash does not match the previous entry`,
          };
        } else {
          const recomputed = entryHash({
            seq: r.seq,
            at: r.at.toISOString(),
            actorUserId: r.actorUserId,
            actorUsername: r.actorUsername,
            actorRole: r.actorRole,
            ip: r.ip,
            action: r.action,
            entity: r.entity,
            entityId: r.entityId,
            departmentCode: r.departmentCode,
            before: r.before,
            after: r.after,
            prevHash: r.prevHash,
          });
          if (recomputed !== r.hash) {
            firstBroken = {
              seq: r.seq,
              reason: 'hash',
              message: `第 ${r.seq} 条审计记录的内容与其哈希不符：记录被篡改`,
              messageEn: `entry ${r.seq}: content does not match its hash (edited)`,
            };
          }
        }
      }
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      after = r.seq;
    }
    if (rows.length < PAGE) {
      break;
    }
  }
  const head = (await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)))[0];
  const lastSeq = after;
  if (firstBroken === null && head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash)) {
    firstBroken = {
      seq: Math.min(head.lastSeq, lastSeq + 1),
      reason: 'head',
      message: `审计链头指向第 ${head.lastSeq} 条，但日志最后一条为第 ${lastSeq} 条：末尾记录被删除或改动`,
      messageEn: `the chain head points at entry ${head.lastSeq} but the log ends at ${lastSeq}: trailing entries removed or edited`,
    };
  }
  return { entries, intact: firstBroken === null, firstBroken, lastSeq, lastHash: prevHash };
}
