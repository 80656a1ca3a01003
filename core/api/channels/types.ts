// Shared pieces of the channel definitions: users, roles, access, the result envelope.
import { z } from 'zod'

export const USER_ROLES = ['OFFICER', 'STAFF', 'AUDITOR'] as const
export type UserRole = (typeof USER_ROLES)[number]
/** 监督员 may decide and draft; 文书 numbers and prints; 审计 only reads. */
export const USER_ROLE_NAMES = { OFFICER: '监督员', STAFF: '文书人员', AUDITOR: '审计（只读）' } as const satisfies Record<UserRole, string>

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  departmentName: z.string().nullable()
})
export type User = z.infer<typeof userSchema>

/** Who may call a channel: everyone signed in, or only the listed roles. */
export type Access = 'ANY' | readonly UserRole[]

export type ChannelDef = { input: z.ZodType; output: z.ZodType; access: Access; description: string }

/** A list's exported workbook (the *.export channels): its bytes as base64, since the one typed API carries JSON in every host. */
export const exportFileSchema = z.object({ fileName: z.string(), base64: z.string(), exported: z.number(), total: z.number() })
export type ExportFileView = z.infer<typeof exportFileSchema>

/** The envelope every host returns: Electron passes only `message` of a thrown error across IPC. */
export const API_ERROR_CODES = ['BAD_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNKNOWN_CHANNEL', 'INTERNAL'] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]
export type ApiError = { code: ApiErrorCode; message: string; details?: unknown }
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const apiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string(), details: z.unknown().optional() }) })
])
