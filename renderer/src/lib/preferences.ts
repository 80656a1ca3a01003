// An officer's small yes/no choices kept on this machine (local storage): the navigation's fold, moving
// on to the next flag after a decision. Anything but '1' or '0' stored counts as no choice.
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>

export function storedChoice(storage: Pick<Storage, 'getItem'>, key: string): boolean | null {
  const v = storage.getItem(key)
  return v === '1' ? true : v === '0' ? false : null
}

export function rememberChoice(storage: StorageLike, key: string, value: boolean): void {
  storage.setItem(key, value ? '1' : '0')
}
