// What the preload puts on the renderer's window: `window.jiandu`, a JianduBridge (core/api/bridge.ts),
// present only in the desktop app (absent in the web host, where the renderer uses HTTP instead).
// The renderer declares the global itself (renderer/src/env.d.ts); keep both to this one type:
//   interface Window { jiandu?: JianduBridge }
// This file exports nothing at run time; it pins the shape the preload builds to that type.
import type { JianduBridge } from '../../core/api/bridge.ts'
import type { buildBridge } from './bridge.ts'

/** Compile-time check: what the preload exposes is exactly core/api/bridge.ts's JianduBridge. */
export type ExposedBridge = ReturnType<typeof buildBridge> extends JianduBridge ? (JianduBridge extends ReturnType<typeof buildBridge> ? JianduBridge : never) : never
