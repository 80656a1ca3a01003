// Collecting flags: severity and legal basis from the pack, the basis sentence appended to the message,
// identity (rule, task_ids, plan_ids) kept unique, and the deterministic output order of
// interchange-v1 §Analysis output (rule, then task_ids, then plan_ids, arrays compared element-wise).
import type { Domain } from '../contract/scalars.ts'
import { compareStrings } from './context.ts'
import { severityFor, type Basis, type RuleCode, type RuleConfig, type RulePack } from './pack.ts'
import type { Evidence, Flag, Severity } from './types.ts'

export type FlagDraft = {
  task_ids: string[]
  plan_ids?: string[]
  enterprise_id: string | null
  department_id: string | null
  /** The domain that decides severity and the domain-specific basis (usually the lead department's). */
  domain: Domain | null
  evidence: Evidence
  /** The facts, as one or more Chinese sentences; the legal basis is appended. */
  message: string
  severity?: Severity
}

export type Emitter = {
  emit<K extends RuleCode>(code: K, cfg: RuleConfig<K>, draft: FlagDraft): void
  flags(): Flag[]
}

/** '2025-03-04' → '2025年3月4日' (the date style of official notices). */
export function cnDate(isoDate: string): string {
  return `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`
}

/**
 * The bases a flag of a department of `domain` cites: its domain's own (basis_by_domain), then the general
 * ones and those of the rule's bases that are its own domain's annex. Another domain's annex is cited only
 * when nothing else applies (the rule is that annex's, applied alike to every domain by the pack).
 */
export function basesFor(cfg: Pick<RuleConfig<RuleCode>, 'basis' | 'basis_by_domain'>, domain: Domain | null): Basis[] {
  const specific = domain !== null ? cfg.basis_by_domain?.[domain] ?? [] : []
  const chosen = [...specific, ...cfg.basis.filter((b) => b.domain === undefined || b.domain === domain)]
  return chosen.length > 0 ? chosen : [...cfg.basis]
}

/**
 * "《title》（doc_no，cite，cite）；…" — one entry per source, in the order first cited. Cites are joined with "，":
 * they hold "、" themselves (`四、（一）1.`). The citation is `cite`, never the developers' `ref`.
 */
export function basisCitation(pack: RulePack, bases: readonly Basis[]): string {
  const cites = new Map<string, string[]>()
  for (const b of bases) {
    const list = cites.get(b.source) ?? []
    const source = pack.sources[b.source]
    if (!(source && b.cite === source.doc_no) && !list.includes(b.cite)) list.push(b.cite)
    cites.set(b.source, list)
  }
  const parts = [...cites].map(([key, list]) => {
    const source = pack.sources[key]
    if (!source) return list.join('，')
    const inner = [...(source.doc_no !== null ? [source.doc_no] : []), ...list].join('，')
    return inner === '' ? source.title : `${source.title}（${inner}）`
  })
  return parts.join('；')
}

/**
 * One citation standing alone (a flag's evidence.legal_basis): the document's number, or its title when
 * it has none, before the place in it — "金发改〔2025〕36号 正文 二、7.", not a bare "正文 二、7.".
 */
export function qualifiedCite(pack: RulePack, b: Basis): string {
  const source = pack.sources[b.source]
  if (!source || b.cite === source.doc_no) return b.cite
  return `${source.doc_no ?? source.title} ${b.cite}`
}

/** "依据：《title》（doc_no，cite，cite）；…。": the sentence a flag's message ends with. */
export function basisSentence(pack: RulePack, bases: readonly Basis[]): string {
  return `依据：${basisCitation(pack, bases)}。`
}

export function compareIdLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const c = compareStrings(a[i]!, b[i]!)
    if (c !== 0) return c
  }
  return a.length - b.length
}

export function compareFlags(a: Flag, b: Flag): number {
  return compareStrings(a.rule, b.rule) || compareIdLists(a.task_ids, b.task_ids) || compareIdLists(a.plan_ids, b.plan_ids)
}

export function flagKey(rule: string, taskIds: readonly string[], planIds: readonly string[]): string {
  return `${rule}\u0000${taskIds.join('\u0001')}\u0000${planIds.join('\u0001')}`
}

/** Ids without repeats, ascending. Most flags name one or two: those need no Set and no sort. */
function sortedUnique(ids: readonly string[]): string[] {
  const [a, b] = ids
  if (ids.length === 0) return []
  if (ids.length === 1) return [a!]
  if (ids.length === 2) return a === b ? [a!] : compareStrings(a!, b!) < 0 ? [a!, b!] : [b!, a!]
  return [...new Set(ids)].sort(compareStrings)
}

export function createEmitter(pack: RulePack): Emitter {
  const out: Flag[] = []
  const seen = new Set<string>()
  const basisCache = new Map<string, { sentence: string; cites: string[] }>()
  return {
    emit(code, cfg, draft) {
      const taskIds = sortedUnique(draft.task_ids)
      const planIds = sortedUnique(draft.plan_ids ?? [])
      const key = flagKey(code, taskIds, planIds)
      // Rules emit each identity once by construction; a repeat would be the same finding twice.
      if (seen.has(key)) return
      seen.add(key)
      const cacheKey = `${code}\u0000${draft.domain ?? ''}`
      let basis = basisCache.get(cacheKey)
      if (!basis) {
        const bases = basesFor(cfg, draft.domain)
        basis = { sentence: basisSentence(pack, bases), cites: [...new Set(bases.map((b) => qualifiedCite(pack, b)))] }
        basisCache.set(cacheKey, basis)
      }
      out.push({
        rule: code,
        severity: draft.severity ?? severityFor(cfg, draft.domain),
        task_ids: taskIds,
        plan_ids: planIds,
        enterprise_id: draft.enterprise_id,
        department_id: draft.department_id,
        evidence: { ...draft.evidence, legal_basis: basis.cites },
        message: `${draft.message}${basis.sentence}`
      })
    },
    flags: () => out.sort(compareFlags)
  }
}
