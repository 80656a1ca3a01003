// The one API session of the desktop app: the database it opened and the user signed in at start (the
// last one signed in here, else the first officer). `session.signIn` changes the user in place.
import type { OpenedDb } from '../../../db/client.ts'
import { defaultSignedInUser } from '../../../core/users.ts'
import type { InvokeContext } from '../../../core/api/registry.ts'
import { createHostServices } from '../../../core/api/services.ts'

/** `migrationsFolder`: the packaged app's copy, handed to worker threads that open their own connection. */
export function createDesktopContext(db: OpenedDb, now: () => Date = () => new Date(), migrationsFolder?: string): InvokeContext {
  return { db, session: { userId: defaultSignedInUser(db.sqlite).id }, now, services: createHostServices(migrationsFolder) }
}
