import { findUser, listUsers, rememberSignedInUser } from '../../users.ts'
import { appendAudit } from '../../audit.ts'
import { ApiFailure } from '../context.ts'
import type { HandlerMap } from '../handler.ts'

export const sessionHandlers: HandlerMap<'session.current' | 'session.users' | 'session.signIn'> = {
  'session.current': (ctx) => ctx.user,
  'session.users': (ctx) => listUsers(ctx.db.sqlite),
  'session.signIn': (ctx, input) => {
    const user = findUser(ctx.db.sqlite, input.userId)
    if (!user) throw new ApiFailure('NOT_FOUND', `用户 ${input.userId} 不存在 / no such user`)
    ctx.db.sqlite.transaction(() => {
      rememberSignedInUser(ctx.db.sqlite, user.id)
      appendAudit(ctx.db.sqlite, { userId: user.id, action: 'session.signIn', entity: 'user', entityId: user.id, at: ctx.now().toISOString() })
    })()
    ctx.session.userId = user.id
    return user
  }
}
