// The typed API: every call the UI can make, defined once with zod (one file per feature under
// channels/). The desktop host (ipcMain), the web host (POST /api/<channel>) and the CLI all go through
// `invoke` (registry.ts) with these schemas; the renderer's client and the preload bridge are typed
// from this file. No Node, no DOM here: the renderer imports it.
import type { z } from 'zod'
import { dashboardChannels } from './channels/dashboard.ts'
import { planChannels } from './channels/plans.ts'
import { sessionChannels } from './channels/session.ts'
import { flagChannels } from './channels/flags.ts'
import { analysisChannels } from './channels/analysis.ts'
import { reviewChannels } from './channels/reviews.ts'
import { ruleChannels } from './channels/rules.ts'
import type { ChannelDef } from './channels/types.ts'

export * from './channels/types.ts'
export * from './channels/plans.ts'
export * from './channels/flags.ts'
export * from './channels/analysis.ts'
export * from './channels/reviews.ts'
export * from './channels/dashboard.ts'
export * from './channels/rules.ts'

export const channels = {
  ...sessionChannels,
  ...flagChannels,
  ...analysisChannels,
  ...reviewChannels,
  ...planChannels,
  ...dashboardChannels,
  ...ruleChannels
} as const satisfies Record<string, ChannelDef>

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[]

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name)
}
