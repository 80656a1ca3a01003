// The app: antd in Simplified Chinese with the workstation theme, the session, then the shell.
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { AppShell } from './components/AppShell.tsx'
import type { ApiClientError } from './lib/api.ts'
import { SessionProvider } from './lib/sessionContext.tsx'
import { appTheme } from './theme.ts'

function SessionFallback(props: { error: ApiClientError | null }) {
  const { error } = props
  if (!error) {
    return (
      <div className="app-loading">
        <Spin size="large" />
        <div>正在打开监督工作台…</div>
      </div>
    )
  }
  const isSession = error.code === 'UNAUTHORIZED'
  return (
    <Result
      status={isSession ? 'warning' : 'error'}
      title={isSession ? '会话无效或已过期' : '无法打开监督工作台'}
      subTitle={
        isSession
          ? '请使用启动网页模式时命令行输出的完整链接（含 #token=…）重新打开本页面。'
          : error.message
      }
    />
  )
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={appTheme}>
      <AntApp>
        <SessionProvider fallback={(error) => <SessionFallback error={error} />}>
          <AppShell />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  )
}
