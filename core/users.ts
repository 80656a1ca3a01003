// Local users of the workstation and the default one a fresh database gets.
import type { Sqlite } from '../db/client.ts'
import { userSchema, type User } from './api/channels.ts'

export const DEFAULT_USER_ID = 'local-officer'

const rowToUser = (r: unknown): User => {
  const row = r as { id: string; name: string; role: string; department_name: string | null }
  return userSchema.parse({ id: row.id, name: row.name, role: row.role, departmentName: row.department_name })
}

/** A fresh database has one officer, so every action has someone to be recorded against. */
export function ensureDefaultUser(sqlite: Sqlite): void {
  const count = sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number
  if (count === 0) {
    sqlite
      .prepare('INSERT INTO users (id, name, role, department_name, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(DEFAULT_USER_ID, '本机监督员', 'OFFICER', '区司法局行政执法协调监督科', new Date().toISOString())
  }
}

export function listUsers(sqlite: Sqlite): User[] {
  return sqlite.prepare('SELECT id, name, role, department_name FROM users ORDER BY role, id').all().map(rowToUser)
}

export function findUser(sqlite: Sqlite, id: string): User | null {
  const row = sqlite.prepare('SELECT id, name, role, department_name FROM users WHERE id = ?').get(id)
  return row ? rowToUser(row) : null
}

/** The user a host signs in when it starts: the last one signed in here, else the first officer. */
export function defaultSignedInUser(sqlite: Sqlite): User {
  ensureDefaultUser(sqlite)
  const last = sqlite.prepare("SELECT value FROM settings WHERE key = 'last_user_id'").pluck().get() as string | undefined
  const user = (last && findUser(sqlite, last)) || listUsers(sqlite).find((u) => u.role === 'OFFICER') || listUsers(sqlite)[0]
  if (!user) throw new Error('no users')
  return user
}

export function rememberSignedInUser(sqlite: Sqlite, userId: string): void {
  sqlite.prepare("INSERT INTO settings(key, value) VALUES ('last_user_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(userId)
}
