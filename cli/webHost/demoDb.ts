// The one place the web host reaches the demo generator (core/demo): when the database file does not
// exist yet, web mode creates the bundled demo database first, like the desktop app's first start.
export { ensureDemoDatabase } from '../../core/demo/index.ts'
