DROP INDEX `plans_department_idx`;--> statement-breakpoint
DROP INDEX `plans_status_idx`;--> statement-breakpoint
DROP INDEX `plans_year_idx`;--> statement-breakpoint
CREATE INDEX `plans_department_idx` ON `plans` (`department_id`,`status`,`year`,`plan_type`);--> statement-breakpoint
CREATE INDEX `plans_status_idx` ON `plans` (`status`,`department_id`,`year`,`plan_type`);--> statement-breakpoint
CREATE INDEX `plans_year_idx` ON `plans` (`year`,`status`,`department_id`,`plan_type`);