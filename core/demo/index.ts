// The demo data generator's public face (演示数据): the record stream, the JSONL file, the demo database.
export {
  createDemo, resolveDemoOptions, manifestCounts, DemoOptionsError, DEMO_DEFAULT_ENTERPRISES, DEMO_DEFAULT_SEED, DEMO_DEFAULT_TASKS,
  DEMO_FIRST_DATE, DEMO_LAST_DATE, type Demo, type DemoOptions, type RecordCounts, type ResolvedDemoOptions
} from './generate.ts'
export { writeDemoFile, demoHeader, DEMO_SOURCE, type DemoFileResult } from './writeFile.ts'
export { createDemoDatabase, ensureDemoDatabase, holdsData, DemoDatabaseExistsError, DEMO_SETTINGS, type DemoDatabaseOptions, type DemoDatabaseResult } from './database.ts'
export { attachDemoFlagWork, DEMO_USERS, DOCUMENT_STATUSES, type FlagKeyOf, type LocalWorkSummary } from './localWork.ts'
export { DEFAULT_INJECTION_RATES, INJECTABLE_RULES, type InjectableRule, type InjectedCase, type InjectionManifest } from './injections.ts'
export { SHANGHAI_2025_DEFAULTS, type DemoRuleParameters } from './ruleParameters.ts'
