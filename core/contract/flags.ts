// The analysis output of interchange-v1 §Analysis output: `analyze --format json` prints it, the
// workstation stores it (flags table) and the inbox shows it.
import { z } from 'zod'

export const SEVERITIES = ['MUST', 'SHOULD', 'INFO'] as const
export type Severity = (typeof SEVERITIES)[number]

export const flagSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  task_ids: z.array(z.string()),
  plan_ids: z.array(z.string()),
  enterprise_id: z.string().nullable(),
  department_id: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()),
  message: z.string()
})
export type FlagRecord = z.infer<typeof flagSchema>

export const flagsOutputSchema = z.object({
  format: z.literal('jiandu-flags'),
  version: z.literal(1),
  as_of: z.string(),
  rule_pack: z.string(),
  flags: z.array(flagSchema),
  warnings: z.array(z.string()).optional()
})
export type FlagsOutput = z.infer<typeof flagsOutputSchema>

/** A flag's identity: its rule and its (sorted) task and plan ids — decisions key on it across re-analysis. */
export function flagKey(flag: Pick<FlagRecord, 'rule' | 'task_ids' | 'plan_ids'>): string {
  return `${flag.rule}|${flag.task_ids.join(',')}|${flag.plan_ids.join(',')}`
}
