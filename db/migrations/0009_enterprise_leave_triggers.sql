-- A record that leaves an enterprise leaves its enterprise id in enterprise_leaves, stamped with the
-- batch seq of the change (the upsert sets NEW.seq), for incremental analysis (core/analysis/scope.ts):
-- the changed row names only its new enterprise, and the old one's flags about it must be recomputed.
CREATE TRIGGER `tasks_enterprise_leave` AFTER UPDATE OF `enterprise_id` ON `tasks`
WHEN OLD.`enterprise_id` IS NOT NEW.`enterprise_id`
BEGIN
  INSERT INTO `enterprise_leaves` (`enterprise_id`, `seq`) VALUES (OLD.`enterprise_id`, NEW.`seq`);
END;
--> statement-breakpoint
CREATE TRIGGER `list_entries_enterprise_leave` AFTER UPDATE OF `enterprise_id` ON `list_entries`
WHEN OLD.`enterprise_id` IS NOT NEW.`enterprise_id`
BEGIN
  INSERT INTO `enterprise_leaves` (`enterprise_id`, `seq`) VALUES (OLD.`enterprise_id`, NEW.`seq`);
END;
--> statement-breakpoint
-- An evaluation counts for its task's enterprise: moved to another task, it leaves the old task's.
CREATE TRIGGER `evaluations_enterprise_leave` AFTER UPDATE OF `task_id` ON `evaluations`
WHEN OLD.`task_id` IS NOT NEW.`task_id`
BEGIN
  INSERT INTO `enterprise_leaves` (`enterprise_id`, `seq`) SELECT `enterprise_id`, NEW.`seq` FROM `tasks` WHERE `id` = OLD.`task_id`;
END;
