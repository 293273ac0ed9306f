CREATE TABLE "linkage_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_code" text,
	"object_type" text NOT NULL,
	"grade" text,
	"grade_source" text,
	"proposed_action" text NOT NULL,
	"proposed_cut_pct" numeric(5, 2),
	"proposed_amount" numeric(18, 2) NOT NULL,
	"decision" text NOT NULL,
	"action" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkage_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "linkage_rules_region_year" UNIQUE("region_code","fiscal_year")
);
--> statement-breakpoint
CREATE INDEX "linkage_decisions_region_year" ON "linkage_decisions" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "linkage_decisions_object" ON "linkage_decisions" USING btree ("department_code","fiscal_year","project_code");--> statement-breakpoint
SELECT jixiao_require_audit('linkage_rules');--> statement-breakpoint
SELECT jixiao_require_audit('linkage_decisions');