// Verify the audit hash chain end to end: gapless seq, each prev_hash = the previous hash, each hash over the
// entry's stored canonical bytes (entry_text), the columns equal to those bytes, the chain head pointing at the
// last entry, and — when the auditor kept one — the anchored entry still carrying the anchored hash. Every broken
// entry is reported, not only the first (up to MAX_REPORTED; `brokenCount` counts them all).
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/open-db.ts';
import { GENESIS_HASH, entryText, sha256Hex, type AuditEntryFields } from './audit-log.ts';

export interface ChainBreak {
  seq: number;
  reason: 'hash' | 'prevHash' | 'gap' | 'head';
  message: string;
  messageEn: string;
}

/** The head of the chain at a moment, kept outside the database by the audit administrator. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  /** When the anchor was taken (ISO 8601). */
  at: string;
}

export type AnchorCheck = { ok: true } | { ok: false; message: string; messageEn: string };

export interface ChainVerification {
  entries: number;
  intact: boolean;
  firstBroken: ChainBreak | null;
  broken: ChainBreak[];
  brokenCount: number;
  lastSeq: number;
  lastHash: string;
  /** Present when an anchor was given. */
  anchor?: AnchorCheck;
}

const PAGE = 2000;
export const MAX_REPORTED = 1000;

interface Row {
  seq: number;
  at: Date | string;
  actor_user_id: string;
  actor_username: string;
  actor_role: string;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string;
  department_code: string | null;
  /** jsonb read as its text, so no driver re-parses a string that looks like JSON. */
  before_text: string | null;
  after_text: string | null;
  prev_hash: string;
  hash: string;
  entry_text: string | null;
}

function readPage(db: Queryable, after: number): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`select seq::int as seq, at, actor_user_id, actor_username, actor_role, ip, action, entity, entity_id,
               department_code, before::text as before_text, after::text as after_text, prev_hash, hash, entry_text
        from audit_log where seq > ${after} order by seq limit ${PAGE}`,
  );
}

function fieldsOf(r: Row): AuditEntryFields {
  return {
    seq: r.seq,
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    departmentCode: r.department_code,
    before: r.before_text === null ? null : (JSON.parse(r.before_text) as unknown),
    after: r.after_text === null ? null : (JSON.parse(r.after_text) as unknown),
    prevHash: r.prev_hash,
  };
}

/** Why one entry is broken, or null when it is sound. */
function checkEntry(r: Row, expectedSeq: number, prevHash: string): ChainBreak | null {
  if (r.seq !== expectedSeq) {
    return {
      seq: r.seq,
      reason: 'gap',
      message: `第 ${expectedSeq} 条审计记录缺失（下一条为第 ${r.seq} 条）：记录被删除`,
      messageEn: `entry ${expectedSeq} is missing (next is ${r.seq}): entries were deleted`,
    };
  }
  if (r.prev_hash !== prevHash) {
    return {
      seq: r.seq,
      reason: 'prevHash',
      message: `第 ${r.seq} 条审计记录的前序哈希与上一条不符：链被改动`,
      messageEn: `entry ${r.seq}: prev_hash does not match the previous entry`,
    };
  }
  const fromColumns = entryText(fieldsOf(r));
  const stored = r.entry_text ?? fromColumns; // entries written before entry_text existed
  if (sha256Hex(stored) !== r.hash || stored !== fromColumns) {
    return {
      seq: r.seq,
      reason: 'hash',
      message: `第 ${r.seq} 条审计记录的内容与其哈希不符：记录被篡改`,
      messageEn: `entry ${r.seq}: content does not match its hash (edited)`,
    };
  }
  return null;
}

async function checkHead(
  db: Queryable,
  lastSeq: number,
  lastHash: string,
): Promise<ChainBreak | null> {
  const [head] = await queryRows<{ last_seq: number; last_hash: string }>(
    db,
    sql`select last_seq::int as last_seq, last_hash from audit_chain_head where id = 1`,
  );
  if (!head || (head.last_seq === lastSeq && head.last_hash === lastHash)) {
    return null;
  }
  return {
    seq: Math.min(head.last_seq, lastSeq + 1),
    reason: 'head',
    message: `审计链头指向第 ${head.last_seq} 条，但日志最后一条为第 ${lastSeq} 条：末尾记录被删除或改动`,
    messageEn: `the chain head points at entry ${head.last_seq} but the log ends at ${lastSeq}: trailing entries removed or edited`,
  };
}

async function checkAnchor(db: Queryable, anchor: AuditAnchor): Promise<AnchorCheck> {
  const [row] = await queryRows<{ hash: string }>(
    db,
    sql`select hash from audit_log where seq = ${anchor.seq}`,
  );
  if (row?.hash === anchor.hash) {
    return { ok: true };
  }
  return {
    ok: false,
    message: `第 ${anchor.seq} 条审计记录的哈希与 ${anchor.at} 保存的锚点不符：审计链在锚点之后被整体改写或删除`,
    messageEn: `entry ${anchor.seq} no longer has the hash anchored at ${anchor.at}: the chain was rewritten or truncated`,
  };
}

export async function verifyAuditChain(
  db: Queryable,
  options: { anchor?: AuditAnchor } = {},
): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let after = 0;
  let brokenCount = 0;
  const broken: ChainBreak[] = [];
  const note = (b: ChainBreak | null): void => {
    if (b) {
      brokenCount += 1;
      if (broken.length < MAX_REPORTED) {
        broken.push(b);
      }
    }
  };
  for (;;) {
    const rows = await readPage(db, after);
    for (const r of rows) {
      entries += 1;
      note(checkEntry(r, expectedSeq, prevHash));
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      after = r.seq;
    }
    if (rows.length < PAGE) {
      break;
    }
  }
  if (brokenCount === 0) {
    note(await checkHead(db, after, prevHash));
  }
  const anchor = options.anchor ? await checkAnchor(db, options.anchor) : undefined;
  return {
    entries,
    intact: brokenCount === 0 && (anchor?.ok ?? true),
    firstBroken: broken[0] ?? null,
    broken,
    brokenCount,
    lastSeq: after,
    lastHash: prevHash,
    ...(anchor ? { anchor } : {}),
  };
}

/** The chain head now, for the auditor to keep outside the database (`jixiao audit anchor`). */
export async function auditAnchor(db: Queryable, now: Date): Promise<AuditAnchor> {
  const [head] = await queryRows<{ last_seq: number; last_hash: string }>(
    db,
    sql`select last_seq::int as last_seq, last_hash from audit_chain_head where id = 1`,
  );
  return { seq: head?.last_seq ?? 0, hash: head?.last_hash ?? GENESIS_HASH, at: now.toISOString() };
}

/** Reads an anchor file's JSON; null when it is not an anchor. */
export function parseAnchor(text: string): AuditAnchor | null {
  try {
    const v = JSON.parse(text) as Partial<AuditAnchor>;
    if (
      typeof v.seq === 'number' &&
      Number.isInteger(v.seq) &&
      typeof v.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(v.hash) &&
      typeof v.at === 'string'
    ) {
      return { seq: v.seq, hash: v.hash, at: v.at };
    }
  } catch {
    // not JSON
  }
  return null;
}
