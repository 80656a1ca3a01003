// A screen that fails while rendering shows what went wrong in its own place, with a way back, instead
// of taking the header and the navigation down with it (React unmounts the whole tree on an uncaught
// render error). Keyed by the route, so going to another screen starts afresh.
import { Button, Result, Typography } from 'antd'
import { Component, type ErrorInfo, type ReactNode } from 'react'

type Props = { children: ReactNode; screenName: string }
type State = { error: Error | null }

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a developer or support looks first (DevTools in the desktop app).
    console.error(`「${this.props.screenName}」渲染失败`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Result
        status="error"
        title={`「${this.props.screenName}」无法显示`}
        subTitle="页面出错，数据未受影响。可重试；若仍出错，请把下面的错误信息提供给运维人员。"
        extra={<Button type="primary" onClick={() => this.setState({ error: null })}>重试</Button>}
        data-testid="screen-error"
      >
        <Typography.Paragraph type="secondary" className="mono" copyable>{error.message}</Typography.Paragraph>
      </Result>
    )
  }
}
