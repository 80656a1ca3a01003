// Turns zod's validation issues into what an officer can act on: the field path as written in the
// file (`visits[0].date`), and why, Chinese first then English, with the value that was found.
// Runs only for rejected lines.
import type { z } from 'zod'
import { usccSchema } from '../contract/scalars.ts'

export type FieldProblem = { field: string; reason: string }

/** `['visits', 0, 'date']` → `visits[0].date` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function shown(value: unknown): string {
  const s = value === undefined ? 'undefined' : JSON.stringify(value)
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['字符串', 'a string'], number: ['数字', 'a number'], int: ['整数', 'an integer'], boolean: ['布尔值（true/false）', 'a boolean'],
  array: ['数组', 'an array'], object: ['对象', 'an object'], record: ['对象（按领域代码取值）', 'an object keyed by domain'], null: ['null', 'null']
}

function typeName(expected: string): [string, string] {
  return TYPE_NAMES[expected] ?? [expected, expected]
}

function actualType(value: unknown): [string, string] {
  if (value === null) return typeName('null')
  if (Array.isArray(value)) return typeName('array')
  if (typeof value === 'number' && !Number.isInteger(value)) return ['小数', 'a fraction']
  return typeName(typeof value)
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s)

/** Puts the found value into a "中文 / English" message: "中文（收到 X）/ English (got X)". */
function withValue(message: string, value: unknown, extraZh = '', extraEn = ''): string {
  const got = shown(value)
  const split = message.indexOf(' / ')
  if (split < 0) return `${message}（收到 ${got}${extraZh}）/ (got ${got}${extraEn})`
  return `${message.slice(0, split)}（收到 ${got}${extraZh}）/ ${message.slice(split + 3)} (got ${got}${extraEn})`
}

const USCC_MESSAGE = usccSchema.safeParse('').error?.issues[0]?.message ?? ''
const USCC_CHAR = /^[0-9A-HJ-NPQRTUWXY]$/

function usccDetail(value: unknown): [string, string] {
  if (typeof value !== 'string') return ['', '']
  if (value.length !== 18) return [`，${value.length} 位`, `, ${value.length} characters`]
  const bad = [...value].find((ch) => !USCC_CHAR.test(ch))
  return bad === undefined ? ['', ''] : [`，含非法字符 "${bad}"`, `, invalid character "${bad}"`]
}

function allowedValues(values: readonly unknown[]): [string, string] {
  const list = values.map((v) => (v === '' ? '""' : String(v)))
  return [list.join('、'), list.join(', ')]
}

/** Collects the allowed values when every branch of a union is a literal/enum mismatch at the same spot. */
function unionValues(issue: z.core.$ZodIssueInvalidUnion): unknown[] | null {
  const values: unknown[] = []
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code !== 'invalid_value' || inner.path.length > 0) return null
      values.push(...inner.values)
    }
  }
  return values.length > 0 ? values : null
}

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  const field = formatPath(issue.path)
  const value = valueAt(input, issue.path)
  const custom = hasChinese(issue.message)
  const reason = ((): string => {
    // A required field left out fails as a type, enum or union mismatch alike: say what it is.
    if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      return '缺少必填字段 / missing required field'
    }
    switch (issue.code) {
      case 'invalid_type': {
        const [zh, en] = typeName(issue.expected)
        if (value === null) return `不能为 null，应为${zh} / must not be null: expected ${en}`
        const [azh, aen] = actualType(value)
        return `类型错误：应为${zh}，实际为${azh} ${shown(value)} / wrong type: expected ${en}, got ${aen} ${shown(value)}`
      }
      case 'invalid_value': {
        const [zh, en] = allowedValues(issue.values)
        return `取值 ${shown(value)} 无效，允许的值：${zh} / ${shown(value)} is not one of: ${en}`
      }
      case 'invalid_union': {
        const values = unionValues(issue)
        if (values) {
          const [zh, en] = allowedValues(values)
          return `取值 ${shown(value)} 无效，允许的值：${zh} / ${shown(value)} is not one of: ${en}`
        }
        return `取值 ${shown(value)} 不符合任何允许的形式 / ${shown(value)} matches none of the allowed forms`
      }
      case 'too_small': {
        if (custom) return withValue(issue.message, value)
        const min = Number(issue.minimum)
        if (issue.origin === 'array') return `至少需要 ${min} 项 / needs at least ${min} item(s)`
        if (issue.origin === 'string') return min <= 1 ? '不能为空 / must not be empty' : `至少 ${min} 个字符 / at least ${min} characters`
        return `不能小于 ${min}（收到 ${shown(value)}）/ must be at least ${min} (got ${shown(value)})`
      }
      case 'too_big': {
        if (custom) return withValue(issue.message, value)
        const max = Number(issue.maximum)
        if (issue.origin === 'array') return `最多 ${max} 项 / at most ${max} item(s)`
        if (issue.origin === 'string') return `最多 ${max} 个字符（收到 ${String(value).length} 个）/ at most ${max} characters (got ${String(value).length})`
        return `不能大于 ${max}（收到 ${shown(value)}）/ must be at most ${max} (got ${shown(value)})`
      }
      case 'invalid_format': {
        if (issue.message === USCC_MESSAGE) {
          const [zh, en] = usccDetail(value)
          return withValue(issue.message, value, zh, en)
        }
        return custom ? withValue(issue.message, value) : withValue(`格式不正确 / invalid format (${issue.format})`, value)
      }
      case 'unrecognized_keys': {
        const keys = issue.keys.join(', ')
        return `不允许的键：${keys} / keys not allowed here: ${keys}`
      }
      case 'custom':
        return custom ? withValue(issue.message, value) : withValue(`取值无效 / invalid value: ${issue.message}`, value)
      default:
        return custom ? withValue(issue.message, value) : withValue(`取值无效 / invalid value: ${issue.message}`, value)
    }
  })()
  return { field, reason }
}

export function describeIssues(error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => describeIssue(issue, input))
}
