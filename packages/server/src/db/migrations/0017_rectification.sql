CREATE TABLE "rectification_configs" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"notice_days" integer NOT NULL,
	"measure_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_configs_region_year" UNIQUE("region_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "rectification_events" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"item_id" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"item_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_name" text,
	"mime_type" text,
	"size" integer,
	"content" "bytea",
	"uploaded_by" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"evaluation_id" text,
	"indicator_ref" text,
	"category" text DEFAULT 'management' NOT NULL,
	"problem" text NOT NULL,
	"requirement" text DEFAULT '' NOT NULL,
	"responsible_unit" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"final_on" date NOT NULL,
	"noticed_on" date,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"result_note" text DEFAULT '' NOT NULL,
	"reviewer_opinion" text DEFAULT '' NOT NULL,
	"budget_impact" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_items_region_year_seq" UNIQUE("region_code","fiscal_year","seq"),
	CONSTRAINT "rectification_items_source_ref" UNIQUE("source","source_ref")
);
--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_item_id_rectification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."rectification_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_evidence" ADD CONSTRAINT "rectification_evidence_item_id_rectification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."rectification_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_events_item" ON "rectification_events" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "rectification_evidence_item" ON "rectification_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "rectification_items_dept_year" ON "rectification_items" USING btree ("department_code","fiscal_year");--> statement-breakpoint
SELECT jixiao_require_audit('rectification_configs');--> statement-breakpoint
SELECT jixiao_require_audit('rectification_items');--> statement-breakpoint
SELECT jixiao_require_audit('rectification_events');--> statement-breakpoint
SELECT jixiao_require_audit('rectification_evidence');