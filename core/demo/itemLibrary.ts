// The inspection item library (检查事项库) of the demo: every template of catalogue/items.ts as an `item`
// record, indexed by domain and list for the scheduler.
import type { Item } from '../contract/records.ts'
import { DOMAINS } from '../contract/scalars.ts'
import { ITEM_TEMPLATES } from './catalogue/items.ts'

export type ItemLibrary = {
  items: Item[]
  byId: Map<string, Item>
  /** Items a planned inspection may carry (KEY and RANDOM), per domain index. */
  plannable: Item[][]
  /** 无事不扰 items, per domain index: only a clue justifies inspecting them. */
  wushi: Item[][]
}

export function buildItemLibrary(): ItemLibrary {
  const items: Item[] = []
  const plannable: Item[][] = []
  const wushi: Item[][] = []
  for (const domain of DOMAINS) {
    const mine: Item[] = ITEM_TEMPLATES[domain].map((t, i) => ({
      type: 'item', id: `I-${domain}-${String(i + 1).padStart(3, '0')}`, name: t.name, domain, list: t.list,
      legal_basis: t.basis, fire_matter: t.fire ?? false
    }))
    items.push(...mine)
    plannable.push(mine.filter((i) => i.list !== 'WUSHI'))
    wushi.push(mine.filter((i) => i.list === 'WUSHI'))
  }
  return { items, byId: new Map(items.map((i) => [i.id, i])), plannable, wushi }
}
