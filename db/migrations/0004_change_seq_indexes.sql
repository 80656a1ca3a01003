CREATE INDEX `enterprises_seq_idx` ON `enterprises` (`seq`);--> statement-breakpoint
CREATE INDEX `evaluations_seq_idx` ON `evaluations` (`seq`);--> statement-breakpoint
CREATE INDEX `list_entries_seq_idx` ON `list_entries` (`seq`);--> statement-breakpoint
CREATE INDEX `plans_seq_idx` ON `plans` (`seq`);