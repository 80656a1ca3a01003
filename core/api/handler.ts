// The shape of a handler: typed by its channel, given the context and the parsed input.
import type { ChannelInput, ChannelName, Channels } from './channels.ts'
import type { HandlerContext } from './context.ts'
import type { z } from 'zod'

export type Handler<C extends ChannelName> = (
  ctx: HandlerContext,
  input: z.output<Channels[C]['input']>
) => z.input<Channels[C]['output']> | Promise<z.input<Channels[C]['output']>>

export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> }

export type { ChannelInput }
