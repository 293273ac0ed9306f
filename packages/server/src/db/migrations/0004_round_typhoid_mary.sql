CREATE TABLE "enterprise_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"closed_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closure_note" text,
	"handled_by" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_requests_dates" CHECK ("enterprise_requests"."due_on" >= "enterprise_requests"."received_on" and ("enterprise_requests"."closed_on" is null or "enterprise_requests"."closed_on" >= "enterprise_requests"."received_on")),
	CONSTRAINT "enterprise_requests_closed" CHECK (("enterprise_requests"."status" = 'closed') = ("enterprise_requests"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"industry_code" text,
	"industry_name" text,
	"subdistrict_code" text,
	"is_key_enterprise" boolean DEFAULT false NOT NULL,
	"service_officer" text,
	"service_officer_unit" text,
	"service_officer_since" date,
	"investment_project_id" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_dept_credit_code" UNIQUE("department_code","credit_code")
);
--> statement-breakpoint
CREATE TABLE "investment_allocations" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"target_id" text NOT NULL,
	"unit_code" text NOT NULL,
	"value" numeric(18, 2) NOT NULL,
	CONSTRAINT "investment_allocations_target_unit" UNIQUE("target_id","unit_code"),
	CONSTRAINT "investment_allocations_value" CHECK ("investment_allocations"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "investment_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"investor" text NOT NULL,
	"industry_code" text NOT NULL,
	"industry_name" text NOT NULL,
	"planned_investment" numeric(18, 2) NOT NULL,
	"is_key_project" boolean DEFAULT false NOT NULL,
	"responsible_unit_code" text NOT NULL,
	"source" text NOT NULL,
	"stage" text NOT NULL,
	"lead_on" date NOT NULL,
	"negotiating_on" date,
	"signed_on" date,
	"registered_on" date,
	"operating_on" date,
	"contact" text,
	"note" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_projects_dept_code" UNIQUE("department_code","code"),
	CONSTRAINT "investment_projects_stage" CHECK ("investment_projects"."stage" in ('LEAD','NEGOTIATING','SIGNED','REGISTERED','OPERATING')),
	CONSTRAINT "investment_projects_amount" CHECK ("investment_projects"."planned_investment" >= 0)
);
--> statement-breakpoint
CREATE TABLE "investment_stage_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reached_on" date,
	"reason" text,
	"changed_by" text NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investment_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"kind" text NOT NULL,
	"target_value" numeric(18, 2) NOT NULL,
	"document_no" text,
	"note" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_targets_dept_year_kind" UNIQUE("department_code","fiscal_year","kind")
);
--> statement-breakpoint
CREATE TABLE "investment_units" (
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"department_code" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "investment_units_region_code_code_pk" PRIMARY KEY("region_code","code")
);
--> statement-breakpoint
CREATE TABLE "policy_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"package_id" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"granted_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"batch" smallint,
	"note" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_grants_amount" CHECK ("policy_grants"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "policy_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"project_id" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_packages_dept_year_code" UNIQUE("department_code","fiscal_year","code")
);
--> statement-breakpoint
CREATE TABLE "satisfaction_surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"request_id" text NOT NULL,
	"surveyed_on" date NOT NULL,
	"score" smallint,
	"satisfied" boolean,
	"comment" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_surveys_request" UNIQUE("request_id"),
	CONSTRAINT "satisfaction_surveys_answer" CHECK (("satisfaction_surveys"."score" is not null or "satisfaction_surveys"."satisfied" is not null) and ("satisfaction_surveys"."score" is null or "satisfaction_surveys"."score" between 1 and 5))
);
--> statement-breakpoint
ALTER TABLE "enterprise_requests" ADD CONSTRAINT "enterprise_requests_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_requests" ADD CONSTRAINT "enterprise_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_investment_project_id_investment_projects_id_fk" FOREIGN KEY ("investment_project_id") REFERENCES "public"."investment_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_allocations" ADD CONSTRAINT "investment_allocations_target_id_investment_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."investment_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_stage_changes" ADD CONSTRAINT "investment_stage_changes_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_targets" ADD CONSTRAINT "investment_targets_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_units" ADD CONSTRAINT "investment_units_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_grants" ADD CONSTRAINT "policy_grants_package_id_policy_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."policy_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_grants" ADD CONSTRAINT "policy_grants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_packages" ADD CONSTRAINT "policy_packages_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_packages" ADD CONSTRAINT "policy_packages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_request_id_enterprise_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."enterprise_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_requests_dept_due" ON "enterprise_requests" USING btree ("department_code","due_on");--> statement-breakpoint
CREATE INDEX "enterprise_requests_dept_closed" ON "enterprise_requests" USING btree ("department_code","closed_on");--> statement-breakpoint
CREATE INDEX "enterprises_dept" ON "enterprises" USING btree ("department_code","is_key_enterprise");--> statement-breakpoint
CREATE INDEX "investment_projects_region_year" ON "investment_projects" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "investment_projects_dept_stage" ON "investment_projects" USING btree ("department_code","stage");--> statement-breakpoint
CREATE INDEX "investment_projects_dept_negotiating" ON "investment_projects" USING btree ("department_code","negotiating_on");--> statement-breakpoint
CREATE INDEX "investment_projects_dept_registered" ON "investment_projects" USING btree ("department_code","registered_on");--> statement-breakpoint
CREATE INDEX "investment_stage_changes_project" ON "investment_stage_changes" USING btree ("project_id","changed_at");--> statement-breakpoint
CREATE INDEX "policy_grants_dept_date" ON "policy_grants" USING btree ("department_code","granted_on");--> statement-breakpoint
CREATE INDEX "policy_grants_enterprise" ON "policy_grants" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "satisfaction_surveys_dept_date" ON "satisfaction_surveys" USING btree ("department_code","surveyed_on");