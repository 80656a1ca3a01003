import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{core,db,cli,central-sim,electron,renderer,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
