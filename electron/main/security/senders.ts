// IPC sender validation (checklist item 17, VS Code's validateEvent): a call is served only when it
// comes from the main frame of a page of ours — not a subframe, not about:blank, not a page that
// navigated elsewhere. No Electron import: the event is described by the few fields we read.
import { originOf } from '../origin.ts'

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export type IpcSenderEvent = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

export function isTrustedSender(event: IpcSenderEvent, trusted: ReadonlySet<string>): boolean {
  const frame = event.senderFrame
  // null: the frame navigated away or was destroyed since it sent the message.
  if (frame === null) return false
  if (frame.parent !== null) return false
  const origin = originOf(frame.url)
  return origin !== null && trusted.has(origin)
}
