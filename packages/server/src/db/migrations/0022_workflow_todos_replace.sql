CREATE TABLE "ledger_entries_replaced" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_code" text NOT NULL,
	"pay_date" date NOT NULL,
	"month" smallint NOT NULL,
	"economic_class" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"summary" text,
	"voucher_no" text,
	"import_batch_id" text,
	"replaced_by_batch" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "evaluation_head_review_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD COLUMN "head_reviewed_by" text;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD COLUMN "head_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD COLUMN "head_comment" text;--> statement-breakpoint
CREATE INDEX "ledger_replaced_by" ON "ledger_entries_replaced" USING btree ("replaced_by_batch");--> statement-breakpoint
CREATE INDEX "evaluation_events_dept_year" ON "evaluation_events" USING btree ("department_code","fiscal_year");--> statement-breakpoint
SELECT jixiao_require_audit('evaluation_events');--> statement-breakpoint
SELECT jixiao_require_audit('ledger_entries_replaced');
