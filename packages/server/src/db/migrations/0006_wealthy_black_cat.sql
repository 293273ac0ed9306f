DROP INDEX "investment_stage_changes_project";--> statement-breakpoint
ALTER TABLE "investment_stage_changes" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "investment_stage_changes_project" ON "investment_stage_changes" USING btree ("project_id","seq");