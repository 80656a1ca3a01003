import { describe, expect, it } from 'vitest'
import { neighbourIndex } from './useFlagStepping.ts'

describe('neighbourIndex', () => {
  it('steps one row down or up inside the list', () => {
    expect(neighbourIndex(0, 1, 10)).toBe(1)
    expect(neighbourIndex(5, -1, 10)).toBe(4)
  })

  it('has no neighbour past either end, nor for a flag without a place in the list', () => {
    expect(neighbourIndex(0, -1, 10)).toBeNull()
    expect(neighbourIndex(9, 1, 10)).toBeNull()
    expect(neighbourIndex(-1, 1, 10)).toBeNull()
    expect(neighbourIndex(0, 1, 1)).toBeNull()
  })
})
