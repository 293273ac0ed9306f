CREATE TABLE "department_units" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"department_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT '内设机构' NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"code" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text DEFAULT 'department' NOT NULL,
	"functions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"scoring_preset" text DEFAULT 'mof-2020' NOT NULL,
	"basis_notice" text,
	"monitoring_config" jsonb,
	"finance_approval_required" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_years_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing" (
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"authorized_staff" integer NOT NULL,
	"active_staff" integer NOT NULL,
	"retired_staff" integer NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "staffing_region_code_fiscal_year_department_code_pk" PRIMARY KEY("region_code","fiscal_year","department_code")
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"fund_kind" text DEFAULT 'current' NOT NULL,
	"effective_date" date,
	"document_no" text,
	"reason" text,
	"import_batch_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"months" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"row_count" integer NOT NULL,
	"total_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" smallint DEFAULT 1 NOT NULL,
	"parent_id" text,
	"fund_source" text DEFAULT 'general' NOT NULL,
	"expenditure_type" text DEFAULT 'project' NOT NULL,
	"implementing_unit" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_dept_year_code" UNIQUE("department_code","fiscal_year","code")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text,
	"target_text" text NOT NULL,
	"actual_text" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"locked_at" timestamp with time zone,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_progress" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"month" smallint NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"import_batch_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"goal_id" text NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"operator" text NOT NULL,
	"target" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"weight" numeric(6, 2) NOT NULL,
	"target_basis" text,
	"data_source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"actual" text,
	"actual_entered_at" timestamp with time zone,
	"actual_entered_by" text,
	"evidence" text,
	"deviation_note" text,
	"qual_score" numeric(6, 2),
	"deduction" numeric(6, 2),
	"deduction_reason" text,
	"deduction_by" text,
	"deduction_at" timestamp with time zone,
	"applicable" boolean DEFAULT true NOT NULL,
	"metric_key" text,
	"metric_params" jsonb,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"key_tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"achievements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"management_practice" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"income" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_dept_year" UNIQUE("department_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "report_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"paragraph_key" text NOT NULL,
	"text" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_overrides_key" UNIQUE("department_code","fiscal_year","paragraph_key")
);
--> statement-breakpoint
CREATE TABLE "self_evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"preset" text NOT NULL,
	"rules" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb NOT NULL,
	"total" numeric(6, 2),
	"grade" text,
	"scored_at" timestamp with time zone NOT NULL,
	"scored_by" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "department_units" ADD CONSTRAINT "department_units_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD CONSTRAINT "fiscal_years_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing" ADD CONSTRAINT "staffing_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_parent_id_projects_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_progress" ADD CONSTRAINT "indicator_progress_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_lines_project" ON "budget_lines" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "budget_lines_dept_year" ON "budget_lines" USING btree ("department_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "import_batches_dept_year" ON "import_batches" USING btree ("department_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "ledger_dept_year_project" ON "ledger_entries" USING btree ("department_code","fiscal_year","project_code","month");--> statement-breakpoint
CREATE INDEX "ledger_batch" ON "ledger_entries" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "projects_region_year" ON "projects" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "goals_dept_year" ON "goals" USING btree ("department_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "indicator_progress_ind" ON "indicator_progress" USING btree ("indicator_id","month");--> statement-breakpoint
CREATE INDEX "indicators_goal" ON "indicators" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "indicators_dept_year" ON "indicators" USING btree ("department_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "self_evaluations_dept_year" ON "self_evaluations" USING btree ("department_code","fiscal_year");