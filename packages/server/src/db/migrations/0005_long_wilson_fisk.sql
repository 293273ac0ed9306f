CREATE TABLE "monitoring_items" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"round_id" text NOT NULL,
	"subject_key" text NOT NULL,
	"level" text,
	"v" text,
	"deviation_reasons" text[] DEFAULT '{}' NOT NULL,
	"deviation_note" text,
	"completion_likelihood" text,
	"measures" text,
	"expected_annual" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_items_round_subject" UNIQUE("round_id","subject_key")
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"cutoff_month" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_rounds_dept_year_month" UNIQUE("department_code","fiscal_year","cutoff_month")
);
--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_items_dept_year" ON "monitoring_items" USING btree ("department_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "monitoring_rounds_region_year" ON "monitoring_rounds" USING btree ("region_code","fiscal_year");