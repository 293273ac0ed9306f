ALTER TABLE "departments" ADD COLUMN "parent_code" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "agency_type" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "active" boolean DEFAULT true NOT NULL;