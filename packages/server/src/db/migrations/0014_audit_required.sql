-- Every change commits only beside an audit entry written in the same transaction: a deferred constraint trigger on
-- each business table checks, at commit, that audit_log holds an entry whose tx_id is this transaction's. A service
-- that forgets auditInTx cannot commit; nothing has to be registered for this to hold.
-- Not guarded: the audit tables themselves, sessions (sign-in state; sign-in and sign-out are audited), and the bulk
-- rows that hang off an audited import batch (ledger_entries; their batch row is guarded).
-- A table added later is guarded by `SELECT jixiao_require_audit('<table>')` in its migration; a test fails while
-- any table is neither guarded nor listed as exempt (db/audit-guard.test.ts).
CREATE OR REPLACE FUNCTION require_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_log WHERE tx_id = txid_current()) THEN
    RAISE EXCEPTION 'AUDIT_MISSING: a change to % without an audit entry in its transaction (变更未写审计日志)', TG_TABLE_NAME
      USING ERRCODE = 'JX001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jixiao_require_audit(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = tbl || '_requires_audit' AND tgrelid = tbl::regclass) THEN
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_audit_entry()',
      tbl || '_requires_audit', tbl);
  END IF;
END;
$$;
--> statement-breakpoint
SELECT jixiao_require_audit(c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r'
  AND c.relname NOT IN ('audit_log', 'audit_chain_head', 'sessions', 'ledger_entries');
