CREATE TABLE `enterprise_leaves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `enterprise_leaves_seq_idx` ON `enterprise_leaves` (`seq`);