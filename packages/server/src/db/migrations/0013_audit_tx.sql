ALTER TABLE "audit_log" ADD COLUMN "tx_id" bigint DEFAULT txid_current() NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_tx" ON "audit_log" USING btree ("tx_id");