-- A plan whose plan_code changes leaves its old code in plan_code_changes, stamped with the batch seq
-- of the change (the upsert sets NEW.seq), for incremental analysis (core/analysis/scope.ts).
CREATE TRIGGER `plans_plan_code_change` AFTER UPDATE OF `plan_code` ON `plans`
WHEN OLD.`plan_code` IS NOT NULL AND OLD.`plan_code` IS NOT NEW.`plan_code`
BEGIN
  INSERT INTO `plan_code_changes` (`plan_code`, `seq`) VALUES (OLD.`plan_code`, NEW.`seq`);
END;
