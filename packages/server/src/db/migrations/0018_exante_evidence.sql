CREATE TABLE "exante_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_code" text NOT NULL,
	"item_id" text NOT NULL,
	"version_no" integer,
	"point_code" text,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exante_evidence" ADD CONSTRAINT "exante_evidence_item_id_exante_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."exante_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exante_evidence_item" ON "exante_evidence" USING btree ("item_id");--> statement-breakpoint
SELECT jixiao_require_audit('exante_evidence');