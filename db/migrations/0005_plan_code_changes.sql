CREATE TABLE `plan_code_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_code` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plan_code_changes_seq_idx` ON `plan_code_changes` (`seq`);