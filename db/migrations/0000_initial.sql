CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`domain` text NOT NULL,
	`level` text NOT NULL,
	`district_code` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `departments_domain_idx` ON `departments` (`domain`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`district_code` text NOT NULL,
	`industry` text,
	`sites` text NOT NULL,
	`grades` text,
	`fire_key_unit` integer,
	`crowded_place` integer,
	`in_library_since` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `enterprises_name_idx` ON `enterprises` (`name`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text NOT NULL,
	`department_id` text,
	`submitted_at` text NOT NULL,
	`verdict` text NOT NULL,
	`tags` text,
	`comment` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `evaluations_task_idx` ON `evaluations` (`task_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`domain` text NOT NULL,
	`list` text NOT NULL,
	`legal_basis` text,
	`fire_matter` integer,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `list_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`list` text NOT NULL,
	`domain` text,
	`enterprise_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `list_entries_enterprise_idx` ON `list_entries` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`department_id` text NOT NULL,
	`role` text NOT NULL,
	`cert_no` text,
	`cert_valid_until` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `officers_department_idx` ON `officers` (`department_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_code` text,
	`department_id` text NOT NULL,
	`participant_department_ids` text,
	`title` text NOT NULL,
	`plan_type` text NOT NULL,
	`origin` text NOT NULL,
	`year` integer NOT NULL,
	`window_from` text NOT NULL,
	`window_to` text NOT NULL,
	`item_ids` text NOT NULL,
	`targets` text,
	`scope` text,
	`sampling_ratio` real,
	`method` text,
	`frequency` text,
	`legal_basis` text,
	`status` text NOT NULL,
	`submitted_at` text,
	`filed_at` text,
	`published_at` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plans_department_idx` ON `plans` (`department_id`);--> statement-breakpoint
CREATE INDEX `plans_status_idx` ON `plans` (`status`);--> statement-breakpoint
CREATE INDEX `plans_year_idx` ON `plans` (`year`);--> statement-breakpoint
CREATE INDEX `plans_code_idx` ON `plans` (`plan_code`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`department_ids` text NOT NULL,
	`lead_department_id` text NOT NULL,
	`kind` text NOT NULL,
	`special` text NOT NULL,
	`plan_id` text,
	`plan_code` text,
	`trigger_source` text,
	`trigger_ref` text,
	`recheck_of` text,
	`enterprise_id` text NOT NULL,
	`site_id` text,
	`item_ids` text NOT NULL,
	`mode` text NOT NULL,
	`code_applied_at` text,
	`joint_declined_reason` text,
	`visits` text NOT NULL,
	`status` text NOT NULL,
	`first_visit_date` text,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_plan_idx` ON `tasks` (`plan_id`);--> statement-breakpoint
CREATE INDEX `tasks_plan_code_idx` ON `tasks` (`plan_code`);--> statement-breakpoint
CREATE INDEX `tasks_enterprise_idx` ON `tasks` (`enterprise_id`,`first_visit_date`);--> statement-breakpoint
CREATE INDEX `tasks_lead_department_idx` ON `tasks` (`lead_department_id`,`first_visit_date`);--> statement-breakpoint
CREATE INDEX `tasks_seq_idx` ON `tasks` (`seq`);--> statement-breakpoint
CREATE TABLE `analysis_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`rule_pack` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`input_seq` integer DEFAULT 0 NOT NULL,
	`flag_count` integer DEFAULT 0 NOT NULL,
	`warnings` text
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_number_sequences` (
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last_no` integer NOT NULL,
	PRIMARY KEY(`prefix`, `year`)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`doc_no` text,
	`status` text NOT NULL,
	`department_id` text NOT NULL,
	`title` text NOT NULL,
	`body_text` text NOT NULL,
	`flag_refs` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`issued_by` text,
	`issued_at` text,
	`reply_due_date` text,
	`replied_at` text,
	`pdf_sha256` text,
	`verify_url` text,
	`central_id` text
);
--> statement-breakpoint
CREATE INDEX `documents_status_idx` ON `documents` (`status`);--> statement-breakpoint
CREATE INDEX `documents_department_idx` ON `documents` (`department_id`);--> statement-breakpoint
CREATE TABLE `flag_decisions` (
	`flag_key` text PRIMARY KEY NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `flags` (
	`flag_key` text PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`task_ids` text NOT NULL,
	`plan_ids` text NOT NULL,
	`enterprise_id` text,
	`department_id` text,
	`event_date` text,
	`evidence` text NOT NULL,
	`message` text NOT NULL,
	`run_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `flags_rule_idx` ON `flags` (`rule`);--> statement-breakpoint
CREATE INDEX `flags_department_idx` ON `flags` (`department_id`);--> statement-breakpoint
CREATE INDEX `flags_event_date_idx` ON `flags` (`event_date`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`source` text NOT NULL,
	`user_id` text NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `plan_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`reviewer_id` text NOT NULL,
	`decided_at` text NOT NULL,
	`plan_snapshot` text NOT NULL,
	`sync_status` text DEFAULT 'PENDING' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plan_reviews_plan_idx` ON `plan_reviews` (`plan_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`collection` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`last_success_at` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`department_name` text,
	`created_at` text NOT NULL
);
