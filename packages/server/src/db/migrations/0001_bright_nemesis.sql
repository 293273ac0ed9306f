ALTER TABLE "self_evaluations" ADD COLUMN "review_findings" jsonb;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD COLUMN "reviewed_at" timestamp with time zone;