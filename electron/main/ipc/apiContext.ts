// The one API session of the desktop app: the database it opened and the user signed in at start (the
// last one signed in here, else the first officer). `session.signIn` changes the user in place.
import type { OpenedDb } from '../../../db/client.ts'
import { defaultSignedInUser } from '../../../core/users.ts'
import type { InvokeContext } from '../../../core/api/registry.ts'

export function createDesktopContext(db: OpenedDb, now: () => Date = () => new Date()): InvokeContext {
  return { db, session: { userId: defaultSignedInUser(db.sqlite).id }, now }
}
