// The readable name and legal basis of each rule for the UI. (Which pack the app uses, and its local
// switches: ruleSettings.ts.)
import { basesFor } from './emit.ts'
import { isRuleCode, type Basis, type RulePack } from './pack.ts'
import type { Domain } from '../contract/scalars.ts'

export function ruleTitle(pack: RulePack, rule: string): string {
  return isRuleCode(rule) ? pack.rules[rule].title : rule
}

/** The rule's legal basis for a department of `domain`, as its flags cite it (emit.ts basesFor). */
export function ruleBasis(pack: RulePack, rule: string, domain: Domain | null): Basis[] {
  return isRuleCode(rule) ? basesFor(pack.rules[rule], domain) : []
}

/** "《优化本区涉企行政检查工作方案》（金发改〔2025〕36号） 附件1《市场监管领域…实施方案》四、（三）2.：…" — one line per basis (`cite`, never `ref`). */
export function formatBasis(pack: RulePack, bases: readonly Basis[]): string {
  return bases
    .map((b) => {
      const src = pack.sources[b.source]
      const doc = src ? `${src.title}${src.doc_no ? `（${src.doc_no}）` : ''}` : b.source
      // A national document is cited by its number alone, which the title already carries.
      const cite = src?.doc_no === b.cite ? '' : ` ${b.cite}`
      return `${doc}${cite}：${b.note}`
    })
    .join('\n')
}
