// The rule engine's public face: analysis, its input loader and the rule packs.
export { analyze, RULES, type AnalyzeOptions } from './engine.ts'
export { analyzeDatabase, type AnalyzeDatabaseOptions } from './analyzeDatabase.ts'
export { loadAnalysisInput } from './load.ts'
export { builtinRulePack, BUILTIN_RULE_PACKS, DEFAULT_RULE_PACK } from './packs.ts'
export { RULE_CODES, RulePackError, resolveRulePack, type RuleCode, type RuleConfig, type RulePack } from './pack.ts'
export { compareFlags, flagKey } from './emit.ts'
export type { AnalysisInput, AnalysisOutput, Evidence, Flag, Severity } from './types.ts'
