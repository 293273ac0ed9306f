CREATE TABLE "npc_report_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"project_id" text,
	"evaluation_kind" text NOT NULL,
	"evaluation_id" text NOT NULL,
	"note" text,
	"flagged_by" text NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "npc_report_flags_evaluation" UNIQUE("evaluation_kind","evaluation_id")
);
--> statement-breakpoint
CREATE TABLE "publication_files" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"publication_id" text NOT NULL,
	"seq" smallint NOT NULL,
	"kind" text NOT NULL,
	"project_id" text,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"body" "bytea" NOT NULL,
	CONSTRAINT "publication_files_seq" UNIQUE("publication_id","seq")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"prepared_by" text NOT NULL,
	"package_sha256" text NOT NULL,
	"published_on" date,
	"publication_url" text,
	"screenshot" "bytea",
	"screenshot_type" text,
	"screenshot_name" text,
	"published_by" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_dept_year" UNIQUE("department_code","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "publication_files" ADD CONSTRAINT "publication_files_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "npc_report_flags_region_year" ON "npc_report_flags" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "publications_region_year" ON "publications" USING btree ("region_code","fiscal_year");--> statement-breakpoint
SELECT jixiao_require_audit('publications');--> statement-breakpoint
SELECT jixiao_require_audit('publication_files');--> statement-breakpoint
SELECT jixiao_require_audit('npc_report_flags');
