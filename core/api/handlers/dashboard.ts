// Handlers of the home screen (工作台) and the header's data freshness.
import {
  countPlansWaitingReview, countRows, countUndecidedFlags, dataFreshness, oldestPlansWaitingReview, plansByStatus
} from '../../../db/queries/dashboard.ts'
import { calendarCoverage } from '../../calendar/coverage.ts'
import { shanghaiToday } from '../../contract/scalars.ts'
import type { HandlerMap } from '../handler.ts'

/** How many of the longest-waiting submitted plans the home screen lists. */
const OLDEST_WAITING_SHOWN = 6

export const dashboardHandlers: HandlerMap<'dashboard.summary' | 'data.freshness'> = {
  'dashboard.summary': (ctx) => {
    const sqlite = ctx.db.sqlite
    const byStatus = plansByStatus(sqlite)
    return {
      plans: {
        total: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        waitingReview: countPlansWaitingReview(sqlite),
        oldestWaiting: oldestPlansWaitingReview(sqlite, OLDEST_WAITING_SHOWN)
      },
      tasks: { total: countRows(sqlite, 'tasks') },
      enterprises: countRows(sqlite, 'enterprises'),
      departments: countRows(sqlite, 'departments'),
      flags: { total: countRows(sqlite, 'flags'), undecided: countUndecidedFlags(sqlite) },
      freshness: dataFreshness(sqlite),
      calendarMissing: calendarCoverage(sqlite, shanghaiToday(ctx.now())).missingSoon
    }
  },
  'data.freshness': (ctx) => dataFreshness(ctx.db.sqlite)
}
