CREATE INDEX "department_units_department" ON "department_units" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "departments_region" ON "departments" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "goal_review_grades_region_year" ON "goal_review_grades" USING btree ("region_code","fiscal_year");