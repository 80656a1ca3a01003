// The empty state of a screen still being built: what it will hold and where to work meanwhile.
import { CheckCircleOutlined, ToolOutlined } from '@ant-design/icons'
import { Button, Card, Typography } from 'antd'
import { navigate } from '../../lib/router.ts'
import type { PendingScreenInfo } from './pendingScreens.ts'

export function PendingScreen(props: { info: PendingScreenInfo }) {
  const { info } = props
  return (
    <div className="screen-scroll">
      <div className="screen-header">
        <Typography.Title level={4} className="screen-title">{info.title}</Typography.Title>
      </div>
      <Card className="pending-card" data-testid="pending-screen">
        <div className="pending-icon"><ToolOutlined /></div>
        <Typography.Title level={5} className="pending-heading">该功能正在建设中</Typography.Title>
        <Typography.Paragraph className="pending-summary">{info.summary}</Typography.Paragraph>
        <div className="pending-list-title">上线后可以：</div>
        <ul className="pending-list">
          {info.capabilities.map((c) => (
            <li key={c}><CheckCircleOutlined /> {c}</li>
          ))}
        </ul>
        {'meanwhile' in info && info.meanwhile ? (
          <Button type="primary" onClick={() => info.meanwhile && navigate(info.meanwhile.hash)}>{info.meanwhile.label}</Button>
        ) : null}
      </Card>
    </div>
  )
}
