// Entry: take the web session token out of the URL before anything else reads the address, then render.
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { captureTokenFromUrl } from './lib/webSession.ts'
// antd's prebuilt component styles (theme.ts: zeroRuntime); the app's own styles come after and win.
import './antd-layer.css'
import './styles.css'

dayjs.locale('zh-cn')
if (!window.jiandu) captureTokenFromUrl(window.location, window.sessionStorage, window.history)

const container = document.getElementById('root')
if (!container) throw new Error('#root missing from index.html')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)
