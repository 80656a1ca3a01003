import type { HandlerMap } from '../handler.ts'

// Placeholder until the plans screen's queries land (db/queries/plans.ts).
export const planHandlers: HandlerMap<'plans.list'> = {
  'plans.list': () => ({ total: 0, rows: [] })
}
