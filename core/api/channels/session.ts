// Channels of the session: who is signed in.
import { z } from 'zod'
import { userSchema, type ChannelDef } from './types.ts'

const empty = z.object({})

export const sessionChannels = {
  'session.current': {
    input: empty,
    output: userSchema,
    access: 'ANY',
    description: '当前登录用户 / the signed-in user'
  },
  'session.users': {
    input: empty,
    output: z.array(userSchema),
    access: 'ANY',
    description: '本机用户列表 / users of this workstation'
  },
  'session.signIn': {
    input: z.object({ userId: z.string().min(1) }),
    output: userSchema,
    access: 'ANY',
    description: '切换登录用户 / sign in as another local user'
  }
} as const satisfies Record<string, ChannelDef>
