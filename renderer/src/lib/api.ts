// The renderer's one way to the data: `api.call(channel, input)`. In the desktop app it goes through the
// preload bridge (`window.jiandu.api[channel]`, IPC); in web mode through `POST /api/<channel>` on the
// web host with the session token. Both return the `{ok, value} | {ok: false, error}` envelope; this
// client unwraps it into the typed value or throws an ApiClientError with the code and message.
import {
  apiResultSchema, type ApiErrorCode, type ApiResult, type ChannelInput, type ChannelName, type ChannelOutput
} from '../../../core/api/channels.ts'
import type { JianduBridge } from '../../../core/api/bridge.ts'
import { storedToken } from './webSession.ts'

/** The host's error codes, plus what only the client can see: no session, no host, a garbled answer. */
export type ClientErrorCode = ApiErrorCode | 'UNAUTHORIZED' | 'NETWORK' | 'PROTOCOL'

export class ApiClientError extends Error {
  readonly code: ClientErrorCode
  readonly details: unknown
  constructor(code: ClientErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiClientError'
    this.code = code
    this.details = details
  }
}

export type Transport = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ApiResult<unknown>>

export function bridgeTransport(bridge: JianduBridge): Transport {
  return (channel, input) => {
    // One function per channel; TypeScript cannot relate the indexed function to C, the preload can.
    const fn = bridge.api[channel] as (input: unknown) => Promise<ApiResult<unknown>>
    return fn(input)
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  status: number
  json: () => Promise<unknown>
}>

export function httpTransport(getToken: () => string | null, fetchFn: FetchLike, baseUrl = ''): Transport {
  return async (channel, input) => {
    const token = getToken()
    if (!token) throw new ApiClientError('UNAUTHORIZED', '缺少会话令牌：请使用启动命令输出的完整链接打开 / no session token: open the link the web command printed')
    let response: Awaited<ReturnType<FetchLike>>
    try {
      response = await fetchFn(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {})
      })
    } catch (error) {
      throw new ApiClientError('NETWORK', `无法连接工作台服务 / cannot reach the web host: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (response.status === 401) throw new ApiClientError('UNAUTHORIZED', '会话已失效：请使用启动命令输出的链接重新打开 / the session token was refused')
    const body: unknown = await response.json().catch(() => null)
    const envelope = apiResultSchema.safeParse(body)
    if (!envelope.success) {
      // The host's own HTTP refusals (403, 413, 415…) carry codes outside the channel envelope's list.
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
      const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`
      throw new ApiClientError('PROTOCOL', message)
    }
    return envelope.data as ApiResult<unknown>
  }
}

export type ApiClient = {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  readonly host: 'desktop' | 'web'
}

export function createApiClient(transport: Transport, host: 'desktop' | 'web'): ApiClient {
  return {
    host,
    async call(channel, input) {
      const result = await transport(channel, input)
      if (!result.ok) throw new ApiClientError(result.error.code, result.error.message, result.error.details)
      // The host validated the value against the channel's output schema before sending it.
      return result.value as ChannelOutput<typeof channel>
    }
  }
}

function defaultClient(): ApiClient {
  if (typeof window !== 'undefined' && window.jiandu) return createApiClient(bridgeTransport(window.jiandu), 'desktop')
  return createApiClient(
    httpTransport(() => storedToken(window.sessionStorage), (url, init) => window.fetch(url, init)),
    'web'
  )
}

export const api: ApiClient = defaultClient()
