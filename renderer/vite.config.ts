// The renderer's build (`vite build --config renderer/vite.config.ts` → out/renderer), served by the web
// host and loaded by the desktop shell. Relative asset URLs (base './') work under both.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Electron 45 and current Chromium: no legacy transforms.
    target: 'chrome130',
    // antd and React are one vendor bundle the app needs at start anyway.
    chunkSizeWarningLimit: 2500
  },
  server: { host: '127.0.0.1', strictPort: false }
})
