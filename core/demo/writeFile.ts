// `demo --out`: the demo data set as an interchange JSONL file (header line first). Written to a
// temporary file beside the target and renamed into place at the end, so an interrupted run never
// leaves a half-written file under the requested name.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { DEMO_LAST_DATE, createDemo, type DemoOptions, type RecordCounts, type ResolvedDemoOptions } from './generate.ts'
import type { InjectionManifest } from './injections.ts'

export const DEMO_SOURCE = 'jiandu-demo'
/** Flush to disk in chunks of about this many characters (one write per chunk, not per line). */
const CHUNK_CHARS = 1 << 20

export type DemoFileResult = { path: string; bytes: number; counts: RecordCounts; manifest: InjectionManifest; options: ResolvedDemoOptions }

/** The header line: exported "as of" the data's last day, so the same seed gives the same bytes. */
export function demoHeader(): string {
  return JSON.stringify({ type: 'header', format: 'jiandu-interchange', version: 1, exported_at: `${DEMO_LAST_DATE}T18:00:00+08:00`, source: DEMO_SOURCE })
}

/** Writes all of `text` (a single write call may write less). */
function writeAll(fd: number, text: string): number {
  const buffer = Buffer.from(text, 'utf8')
  let offset = 0
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset)
  return buffer.length
}

export function writeDemoFile(path: string, options: DemoOptions = {}): DemoFileResult {
  const demo = createDemo(options)
  const temp = `${path}.tmp-${process.pid}`
  const fd = openSync(temp, 'w')
  let bytes = 0
  try {
    let chunk = `${demoHeader()}\n`
    for (const record of demo.records()) {
      chunk += `${JSON.stringify(record)}\n`
      if (chunk.length >= CHUNK_CHARS) {
        bytes += writeAll(fd, chunk)
        chunk = ''
      }
    }
    bytes += writeAll(fd, chunk)
    closeSync(fd)
    renameSync(temp, path)
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // already closed
    }
    rmSync(temp, { force: true })
    throw error
  }
  return { path, bytes, counts: demo.counts, manifest: demo.manifest, options: demo.options }
}
