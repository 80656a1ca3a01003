// Whether the left navigation shows labels (208 px) or icons only (64 px). On a screen narrower than
// WIDE_SCREEN_PX the labels take room the lists need (the flags list beside its groups overflows at
// 1280 px), so the navigation starts folded there; an officer who folds or unfolds it keeps that choice
// (local storage), and while no choice is stored it follows the window's width.

import { rememberChoice, storedChoice } from './preferences.ts'

/** Windows at least this wide show the navigation's labels unless the officer folded it. */
export const WIDE_SCREEN_PX = 1360

export const SIDER_KEY = 'jiandu.siderCollapsed'

/** The officer's stored choice: true folded, false unfolded, null none (or unreadable). */
export function storedCollapsed(storage: Pick<Storage, 'getItem'>): boolean | null {
  return storedChoice(storage, SIDER_KEY)
}

export function rememberCollapsed(storage: Pick<Storage, 'getItem' | 'setItem'>, collapsed: boolean): void {
  rememberChoice(storage, SIDER_KEY, collapsed)
}

/** Folded or not: the stored choice, else by the window's width. */
export function collapsedFor(stored: boolean | null, windowWidth: number): boolean {
  return stored ?? windowWidth < WIDE_SCREEN_PX
}
