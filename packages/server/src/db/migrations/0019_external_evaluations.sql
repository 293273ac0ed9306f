CREATE TABLE "external_evaluation_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"evaluation_id" text NOT NULL,
	"position" integer NOT NULL,
	"dimension" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"points" text DEFAULT '' NOT NULL,
	"criterion" text DEFAULT '' NOT NULL,
	"max_score" numeric(6, 2) NOT NULL,
	"rule" jsonb NOT NULL,
	"metric" text,
	"input" jsonb,
	"score" numeric(6, 2),
	"detail" jsonb,
	"deduction_reason" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_evaluation_indicators_pos" UNIQUE("evaluation_id","position")
);
--> statement-breakpoint
CREATE TABLE "external_evaluation_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"object_kind" text NOT NULL,
	"template" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_evaluation_templates_key" UNIQUE("region_code","fiscal_year","object_kind")
);
--> statement-breakpoint
CREATE TABLE "external_evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text,
	"object_name" text NOT NULL,
	"evaluator_kind" text NOT NULL,
	"evaluator_user_id" text,
	"agency_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"weights" jsonb NOT NULL,
	"execution_formula" text DEFAULT 'byAvailable' NOT NULL,
	"total" numeric(6, 2),
	"grade" text,
	"narrative" jsonb NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conclusion_opinion" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"concluded_by" text
);
--> statement-breakpoint
ALTER TABLE "external_evaluation_indicators" ADD CONSTRAINT "external_evaluation_indicators_evaluation_id_external_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."external_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_evaluations" ADD CONSTRAINT "external_evaluations_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_evaluations" ADD CONSTRAINT "external_evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_evaluations" ADD CONSTRAINT "external_evaluations_agency_id_exante_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."exante_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_evaluation_indicators_eval" ON "external_evaluation_indicators" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "external_evaluations_region_year" ON "external_evaluations" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "external_evaluations_dept_year" ON "external_evaluations" USING btree ("department_code","fiscal_year");--> statement-breakpoint
SELECT jixiao_require_audit('external_evaluation_templates');--> statement-breakpoint
SELECT jixiao_require_audit('external_evaluations');--> statement-breakpoint
SELECT jixiao_require_audit('external_evaluation_indicators');
