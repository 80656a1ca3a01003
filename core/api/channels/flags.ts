// Channels of the flags inbox (问题线索).
import { z } from 'zod'
import { exportFileSchema, type ChannelDef } from './types.ts'

export const FLAG_STATUS_VALUES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const

export const flagFilterSchema = z.object({
  rule: z.string().optional(),
  departmentId: z.string().optional(),
  severity: z.enum(['MUST', 'SHOULD', 'INFO']).optional(),
  status: z.enum(FLAG_STATUS_VALUES).optional(),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  enterpriseId: z.string().optional(),
  text: z.string().max(200).optional()
})
export type FlagFilterInput = z.input<typeof flagFilterSchema>

export const flagRowSchema = z.object({
  flagKey: z.string(),
  rule: z.string(),
  ruleName: z.string(),
  severity: z.string(),
  taskIds: z.array(z.string()),
  planIds: z.array(z.string()),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  eventDate: z.string().nullable(),
  message: z.string(),
  status: z.enum(FLAG_STATUS_VALUES),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable()
})
export type FlagRowView = z.infer<typeof flagRowSchema>

const evidenceTaskSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  departments: z.array(z.object({ id: z.string(), name: z.string().nullable(), domain: z.string().nullable(), level: z.string().nullable() })),
  kind: z.string(),
  special: z.string(),
  mode: z.string(),
  status: z.string(),
  planId: z.string().nullable(),
  planCode: z.string().nullable(),
  triggerSource: z.string().nullable(),
  triggerRef: z.string().nullable(),
  siteId: z.string().nullable(),
  siteAddress: z.string().nullable(),
  codeAppliedAt: z.string().nullable(),
  jointDeclinedReason: z.string().nullable(),
  items: z.array(z.object({ id: z.string(), name: z.string().nullable(), list: z.string().nullable() })),
  visits: z.array(z.object({ date: z.string(), officers: z.array(z.object({ id: z.string(), name: z.string().nullable(), certNo: z.string().nullable(), certValidUntil: z.string().nullable(), role: z.string().nullable() })), outcome: z.string().nullable(), resultEnteredAt: z.string().nullable() }))
})

export const flagDetailSchema = flagRowSchema.extend({
  evidence: z.record(z.string(), z.unknown()),
  basis: z.string(),
  tasks: z.array(evidenceTaskSchema),
  plans: z.array(z.object({ id: z.string(), planCode: z.string().nullable(), title: z.string(), status: z.string(), origin: z.string(), windowFrom: z.string(), windowTo: z.string(), filedAt: z.string().nullable(), publishedAt: z.string().nullable(), departmentName: z.string().nullable() })),
  listEntries: z.array(z.object({ id: z.string(), list: z.string(), domain: z.string().nullable(), from: z.string(), to: z.string().nullable() })),
  evaluations: z.array(z.object({ id: z.string(), taskId: z.string(), verdict: z.string(), tags: z.array(z.string()), comment: z.string().nullable(), submittedAt: z.string() }))
})
export type FlagDetail = z.infer<typeof flagDetailSchema>

const groupCountSchema = z.object({ key: z.string(), name: z.string().nullable(), severity: z.string().nullable(), open: z.number(), total: z.number() })

export const flagChannels = {
  'flags.list': {
    input: flagFilterSchema.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ total: z.number(), rows: z.array(flagRowSchema) }),
    access: 'ANY',
    description: '问题线索列表 / flags, filtered and windowed'
  },
  'flags.groups': {
    input: flagFilterSchema,
    output: z.object({ byRule: z.array(groupCountSchema), byDepartment: z.array(groupCountSchema), byStatus: z.array(z.object({ key: z.enum(FLAG_STATUS_VALUES), total: z.number() })) }),
    access: 'ANY',
    description: '问题线索分组计数 / counts by rule, department and status'
  },
  'flags.get': {
    input: z.object({ flagKey: z.string().min(1) }),
    output: flagDetailSchema,
    access: 'ANY',
    description: '问题线索详情与证据 / one flag with its evidence and legal basis'
  },
  'flags.decide': {
    input: z
      .object({ flagKeys: z.array(z.string().min(1)).min(1).max(1000), decision: z.enum(['CONFIRMED', 'DISMISSED']), reason: z.string().max(2000).optional() })
      .refine((v) => v.decision !== 'DISMISSED' || (v.reason ?? '').trim().length > 0, { message: '排除问题线索须说明理由 / a reason is required to dismiss', path: ['reason'] }),
    output: z.object({ decided: z.array(z.string()), unknown: z.array(z.string()) }),
    access: ['OFFICER'],
    description: '确认或排除问题线索（可批量）/ confirm or dismiss flags, single or bulk'
  },
  'flags.export': {
    input: flagFilterSchema,
    output: exportFileSchema,
    access: 'ANY',
    description: '导出问题线索（Excel）/ the filtered flags as an .xlsx workbook (audited)'
  }
} as const satisfies Record<string, ChannelDef>
