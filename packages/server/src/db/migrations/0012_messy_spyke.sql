CREATE TABLE "exante_agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exante_agencies_region_code" UNIQUE("region_code","code")
);
--> statement-breakpoint
CREATE TABLE "exante_agency_members" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"agency_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exante_agency_members_user" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "exante_configs" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"thresholds" jsonb NOT NULL,
	"rating_shares" jsonb NOT NULL,
	"templates" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exante_configs_region_year" UNIQUE("region_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "exante_events" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"item_id" text NOT NULL,
	"action" text NOT NULL,
	"version_no" integer,
	"opinion" text,
	"actor_user_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exante_items" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_code" text NOT NULL,
	"project_name" text NOT NULL,
	"type" text NOT NULL,
	"is_new" boolean NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"previous_amount" numeric(18, 2),
	"continuing" boolean DEFAULT false NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"funding_text" text DEFAULT '' NOT NULL,
	"goal_text" text DEFAULT '' NOT NULL,
	"goal_indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"agency_id" text,
	"conclusion" text,
	"total" numeric(5, 2),
	"confirmed" boolean DEFAULT false NOT NULL,
	"goal_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exante_items_dept_year_code" UNIQUE("department_code","fiscal_year","project_code")
);
--> statement-breakpoint
CREATE TABLE "exante_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"item_id" text NOT NULL,
	"version_no" integer NOT NULL,
	"assessor" text NOT NULL,
	"assessed_by" text NOT NULL,
	"assessed_by_name" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"conclusion" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exante_versions_item_no" UNIQUE("item_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "goal_review_grades" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"goal_id" text NOT NULL,
	"grade" text NOT NULL,
	"opinion" text NOT NULL,
	"required_changes" text,
	"reviewer_user_id" text NOT NULL,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exante_agency_members" ADD CONSTRAINT "exante_agency_members_agency_id_exante_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."exante_agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exante_events" ADD CONSTRAINT "exante_events_item_id_exante_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exante_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exante_items" ADD CONSTRAINT "exante_items_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exante_items" ADD CONSTRAINT "exante_items_agency_id_exante_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."exante_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exante_items" ADD CONSTRAINT "exante_items_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exante_versions" ADD CONSTRAINT "exante_versions_item_id_exante_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exante_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_review_grades" ADD CONSTRAINT "goal_review_grades_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exante_events_item" ON "exante_events" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "exante_items_region_year" ON "exante_items" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "goal_review_grades_goal" ON "goal_review_grades" USING btree ("goal_id");