import { describe, expect, it } from 'vitest'
import type { JianduBridge } from '../../../core/api/bridge.ts'
import { ApiClientError, bridgeTransport, createApiClient, httpTransport, type FetchLike } from './api.ts'

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = []
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, init })
    return { status, json: async () => body }
  }
  return { calls, fetchFn }
}

describe('the web client', () => {
  it('posts the input as JSON with the bearer token and unwraps the value', async () => {
    const server = fakeFetch(200, { ok: true, value: { total: 3, offset: 0, rows: [], statusCounts: null } })
    const client = createApiClient(httpTransport(() => 'tok123', server.fetchFn), 'web')
    const value = await client.call('plans.list', { status: 'SUBMITTED', offset: 0, limit: 10 })
    expect(value.total).toBe(3)
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0]?.url).toBe('/api/plans.list')
    expect(server.calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer tok123', 'Content-Type': 'application/json' })
    expect(JSON.parse(server.calls[0]?.init.body ?? '')).toEqual({ status: 'SUBMITTED', offset: 0, limit: 10 })
  })

  it('turns an error envelope into an ApiClientError with its code and message', async () => {
    const client = createApiClient(httpTransport(() => 't', fakeFetch(200, { ok: false, error: { code: 'NOT_FOUND', message: '检查计划 P-9 不存在' } }).fetchFn), 'web')
    const error = await client.call('plans.get', { id: 'P-9' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiClientError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '检查计划 P-9 不存在' })
  })

  it('reports a refused token, a missing token, an unreachable host and a garbled answer distinctly', async () => {
    const codeOf = async (transport: ReturnType<typeof httpTransport>) =>
      ((await createApiClient(transport, 'web').call('session.current', {}).catch((e: unknown) => e)) as ApiClientError).code
    expect(await codeOf(httpTransport(() => 't', fakeFetch(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'x' } }).fetchFn))).toBe('UNAUTHORIZED')
    expect(await codeOf(httpTransport(() => null, fakeFetch(200, {}).fetchFn))).toBe('UNAUTHORIZED')
    expect(await codeOf(httpTransport(() => 't', async () => Promise.reject(new Error('ECONNREFUSED'))))).toBe('NETWORK')
    expect(await codeOf(httpTransport(() => 't', fakeFetch(413, { ok: false, error: { code: 'PAYLOAD', message: 'too big' } }).fetchFn))).toBe('PROTOCOL')
    expect(await codeOf(httpTransport(() => 't', fakeFetch(200, '<html>').fetchFn))).toBe('PROTOCOL')
  })
})

describe('the desktop client', () => {
  it('calls the preload bridge function of the channel', async () => {
    const seen: unknown[] = []
    const bridge = {
      host: 'desktop',
      api: new Proxy({}, {
        get: (_t, channel) => async (input: unknown) => {
          seen.push([channel, input])
          return { ok: true, value: { id: 'u1', name: '王敏', role: 'OFFICER', departmentName: null } }
        }
      })
    } as unknown as JianduBridge
    const client = createApiClient(bridgeTransport(bridge), 'desktop')
    expect(await client.call('session.signIn', { userId: 'u1' })).toMatchObject({ name: '王敏' })
    expect(seen).toEqual([['session.signIn', { userId: 'u1' }]])
  })
})
