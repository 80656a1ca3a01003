// `invoke`: the one entry every host uses. It checks the channel, resolves the signed-in user, checks
// the role, parses the input, runs the handler, validates the output, and wraps it all in the result
// envelope. Handlers throw ApiFailure for expected errors; anything else is INTERNAL.
import type { z } from 'zod'
import { findUser } from '../users.ts'
import { channels, isChannelName, type ApiResult, type ChannelName, type User } from './channels.ts'
import { ApiFailure, type HandlerContext } from './context.ts'
import type { Handler } from './handler.ts'
import { sessionHandlers } from './handlers/session.ts'
import { flagHandlers } from './handlers/flags.ts'
import { analysisHandlers } from './handlers/analysis.ts'
import { reviewHandlers } from './handlers/reviews.ts'
import { planHandlers } from './handlers/plans.ts'
import { dashboardHandlers } from './handlers/dashboard.ts'
import { ruleHandlers } from './handlers/rules.ts'

export const handlers: { [C in ChannelName]: Handler<C> } = {
  ...sessionHandlers,
  ...flagHandlers,
  ...analysisHandlers,
  ...reviewHandlers,
  ...planHandlers,
  ...dashboardHandlers,
  ...ruleHandlers
}

export type InvokeContext = Omit<HandlerContext, 'user'>

function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')
}

function mayCall(user: User, channel: ChannelName): boolean {
  const access = channels[channel].access
  return access === 'ANY' || (access as readonly string[]).includes(user.role)
}

export async function invoke(ctx: InvokeContext, channel: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isChannelName(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知接口 / unknown channel: ${channel}` } }
  const user = findUser(ctx.db.sqlite, ctx.session.userId)
  if (!user) return { ok: false, error: { code: 'FORBIDDEN', message: '未登录 / not signed in' } }
  if (!mayCall(user, channel)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: `当前角色无权执行此操作 / role ${user.role} may not call ${channel}` } }
  }
  const def = channels[channel]
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: describeZodError(parsed.error) } }
  try {
    const handler = handlers[channel] as Handler<ChannelName>
    const value: unknown = await handler({ ...ctx, user }, parsed.data as never)
    return { ok: true, value: def.output.parse(value) }
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message, details: error.details } }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'INTERNAL', message } }
  }
}
