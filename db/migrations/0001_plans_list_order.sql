CREATE INDEX `plans_order_idx` ON `plans` (`year`,`window_from`,`id`);--> statement-breakpoint
CREATE INDEX `plans_status_order_idx` ON `plans` (`status`,`year`,`window_from`,`id`);--> statement-breakpoint
CREATE INDEX `plans_department_order_idx` ON `plans` (`department_id`,`year`,`window_from`,`id`);