// Splitting a full analysis by enterprise, so that several threads can each read and analyse a share.
// Every task rule looks at one enterprise's tasks, except where a re-check (recheck_of) names a task of
// another enterprise (core/analysis/scope.ts makes the same argument for incremental runs): enterprises
// linked that way form one group and go to the same share. Plan-level flags depend on the plan alone.
import type { Sqlite } from '../../db/client.ts'

/**
 * Share `index` of `count`: the enterprises whose group hashes to it. `groupOf` maps an enterprise
 * linked to others by re-checks to its group's name (the smallest id in it); others are their own group.
 */
export type Partition = { index: number; count: number; groupOf: ReadonlyMap<string, string> }

/** The SQL function the loader filters rows with: jiandu_partition(enterprise_id) → share index. */
export const PARTITION_SQL_FUNCTION = 'jiandu_partition'

/** FNV-1a over the UTF-16 code units: the same share for the same id in every thread and run. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * How much more than an even share share 0 takes. Share 0 is the calling thread's: it starts at once,
 * while each helper first starts a thread and loads its modules, and the caller then receives the
 * helpers' flags. Measured with two shares at city scale, equal shares left the caller waiting ~2 s of
 * ~12 s for its helper; 55 % against 45 % evens them out.
 */
const CALLER_EXTRA = 0.1

export function partitionOf(enterpriseId: string, partition: Pick<Partition, 'count' | 'groupOf'>): number {
  const at = hash(partition.groupOf.get(enterpriseId) ?? enterpriseId) / 2 ** 32
  const first = Math.min(1, (1 + CALLER_EXTRA) / partition.count)
  if (at < first) return 0
  return Math.min(partition.count - 1, 1 + Math.floor(((at - first) / (1 - first)) * (partition.count - 1)))
}

/** Registers jiandu_partition() on this connection for `partition` (it replaces an earlier one). */
export function registerPartitionFunction(sqlite: Sqlite, partition: Partition): void {
  sqlite.function(PARTITION_SQL_FUNCTION, { deterministic: true }, (id: unknown) => (typeof id === 'string' ? partitionOf(id, partition) : -1))
}

/**
 * The groups of enterprises joined by re-checks across enterprises (union-find over the pairs), each
 * named by its smallest id. Only the re-checks are read, through the recheck_of index ("> ''" lets the planner
 * use it, where IS NOT NULL made it scan the table; a blank recheck_of names no task anyway): a few percent of
 * the tasks, and almost never across enterprises.
 */
export function recheckGroups(sqlite: Sqlite): Map<string, string> {
  const pairs = sqlite
    .prepare(`SELECT r.enterprise_id, o.enterprise_id FROM tasks r JOIN tasks o ON o.id = r.recheck_of
              WHERE r.recheck_of > '' AND o.enterprise_id <> r.enterprise_id`)
    .raw(true)
    .all() as [string, string][]
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up
    // Path compression: every id on the way now points at the root.
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!
      parent.set(at, root)
      at = next
    }
    return root
  }
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a)
    if (!parent.has(b)) parent.set(b, b)
    const ra = find(a)
    const rb = find(b)
    // The smaller id becomes the root, so the group's name is its smallest id whatever the pair order.
    if (ra < rb) parent.set(rb, ra)
    else if (rb < ra) parent.set(ra, rb)
  }
  const groups = new Map<string, string>()
  for (const id of parent.keys()) groups.set(id, find(id))
  return groups
}
