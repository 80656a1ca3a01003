// The frame of every screen: the header (product name, data freshness, signed-in user), the left
// navigation, and the current screen. Switching user remounts the screen so it reloads under the new role.
import { SafetyCertificateFilled } from '@ant-design/icons'
import { Layout, Menu, type MenuProps } from 'antd'
import { useEffect } from 'react'
import { formatHash, navigate, useRoute } from '../lib/router.ts'
import { useSession } from '../lib/sessionContext.tsx'
import { findScreen, HOME_PATH, NAVIGATION } from '../routes.tsx'
import { DataFreshness } from './DataFreshness.tsx'
import { UserSwitcher } from './UserSwitcher.tsx'

const menuItems: MenuProps['items'] = NAVIGATION.map((entry) =>
  'group' in entry
    ? { key: entry.group, label: entry.label, icon: entry.icon, children: entry.children.map((c) => ({ key: c.path, label: c.label, icon: c.icon })) }
    : { key: entry.path, label: entry.label, icon: entry.icon }
)
const openGroups = NAVIGATION.flatMap((e) => ('group' in e ? [e.group] : []))

export function AppShell() {
  const route = useRoute()
  const { generation } = useSession()
  const screen = findScreen(route.path)

  useEffect(() => {
    if (!screen) navigate(formatHash(HOME_PATH), { replace: true })
  }, [screen])

  useEffect(() => {
    document.title = screen ? `${screen.label} - 监督工作台` : '监督工作台'
  }, [screen])

  return (
    <Layout className="app-root">
      <Layout.Header className="app-header">
        <a className="app-brand" href={formatHash(HOME_PATH)}>
          <SafetyCertificateFilled className="app-brand-mark" />
          <span className="app-brand-name">监督工作台</span>
          <span className="app-brand-sub">涉企行政检查监督</span>
        </a>
        <div className="app-header-spacer" />
        <DataFreshness />
        <UserSwitcher />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} className="app-sider" theme="light">
          <Menu
            mode="inline"
            className="app-menu"
            items={menuItems}
            selectedKeys={screen ? [screen.path] : []}
            defaultOpenKeys={openGroups}
            onClick={({ key }) => navigate(formatHash(key))}
          />
        </Layout.Sider>
        <Layout.Content className="app-content" key={`${screen?.path ?? ''}:${generation}`}>
          {screen ? screen.render() : null}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
