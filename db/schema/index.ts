export * from './central.ts'
export * from './local.ts'
