// Who is signed in, the local users to switch to, and a `generation` that changes on every switch so
// screens reload what they show under the new user's role.
import { App } from 'antd'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { User } from '../../../core/api/channels.ts'
import { USER_ROLE_NAMES } from '../../../core/api/channels.ts'
import { api, ApiClientError } from './api.ts'

export type SessionState = {
  user: User
  users: User[]
  generation: number
  signIn: (userId: string) => Promise<void>
}

const SessionContext = createContext<SessionState | null>(null)

export function useSession(): SessionState {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

type Loaded = { user: User; users: User[] }

export function SessionProvider(props: { children: ReactNode; fallback: (error: ApiClientError | null) => ReactNode }) {
  const { message } = App.useApp()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<ApiClientError | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let live = true
    Promise.all([api.call('session.current', {}), api.call('session.users', {})])
      .then(([user, users]) => live && setLoaded({ user, users }))
      .catch((e: unknown) => live && setError(e instanceof ApiClientError ? e : new ApiClientError('INTERNAL', String(e))))
    return () => {
      live = false
    }
  }, [])

  const signIn = useCallback(
    async (userId: string) => {
      try {
        const user = await api.call('session.signIn', { userId })
        setLoaded((prev) => (prev ? { ...prev, user } : prev))
        setGeneration((g) => g + 1)
        void message.success(`已切换为 ${user.name}（${USER_ROLE_NAMES[user.role]}）`)
      } catch (e) {
        void message.error(e instanceof Error ? e.message : String(e))
      }
    },
    [message]
  )

  const value = useMemo(() => (loaded ? { ...loaded, generation, signIn } : null), [loaded, generation, signIn])
  if (!value) return <>{props.fallback(error)}</>
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>
}
