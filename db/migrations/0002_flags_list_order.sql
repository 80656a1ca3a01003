DROP INDEX `flags_rule_idx`;--> statement-breakpoint
DROP INDEX `flags_department_idx`;--> statement-breakpoint
CREATE INDEX `flags_order_idx` ON `flags` ((CASE "severity" WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END),"event_date" DESC,`flag_key`);--> statement-breakpoint
CREATE INDEX `flags_rule_order_idx` ON `flags` (`rule`,(CASE "severity" WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END),"event_date" DESC,`flag_key`);--> statement-breakpoint
CREATE INDEX `flags_department_order_idx` ON `flags` (`department_id`,(CASE "severity" WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END),"event_date" DESC,`flag_key`);--> statement-breakpoint
CREATE INDEX `flags_enterprise_idx` ON `flags` (`enterprise_id`);