// Handlers of the home screen (工作台) and the header's data freshness.
import {
  countPlansWaitingReview, countRows, countUndecidedFlags, dataFreshness, oldestPlansWaitingReview, plansByStatus
} from '../../../db/queries/dashboard.ts'
import { remembered } from '../../../db/queries/remembered.ts'
import type { Sqlite } from '../../../db/client.ts'
import { calendarCoverage } from '../../calendar/coverage.ts'
import { shanghaiToday } from '../../contract/scalars.ts'
import type { HandlerMap } from '../handler.ts'

/** How many of the longest-waiting submitted plans the home screen lists. */
const OLDEST_WAITING_SHOWN = 6

/**
 * The home screen's figures from the data alone. Remembered until the database changes: at a million plans
 * and flags they take ~1 s of counting (the review queue's two queries most of it), and the officer
 * returns to this screen all day.
 */
function homeFigures(sqlite: Sqlite) {
  return remembered(sqlite, 'home-figures', () => {
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
      flags: { total: countRows(sqlite, 'flags'), undecided: countUndecidedFlags(sqlite) }
    }
  })
}

export const dashboardHandlers: HandlerMap<'dashboard.summary' | 'data.freshness'> = {
  'dashboard.summary': (ctx) => {
    const sqlite = ctx.db.sqlite
    return {
      ...homeFigures(sqlite),
      freshness: dataFreshness(sqlite),
      // Depends on today's date as well as on the data.
      calendarMissing: calendarCoverage(sqlite, shanghaiToday(ctx.now())).missingSoon
    }
  },
  'data.freshness': (ctx) => dataFreshness(ctx.db.sqlite)
}
