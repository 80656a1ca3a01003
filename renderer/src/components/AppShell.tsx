// The frame of every screen: the header (product name, data freshness, signed-in user), the left
// navigation (folded to icons on narrow windows, lib/siderPreference.ts), and the current screen.
// Switching user remounts the screen so it reloads under the new role.
import { MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateFilled } from '@ant-design/icons'
import { Layout, Menu, type MenuProps } from 'antd'
import { useEffect, useState } from 'react'
import { formatHash, navigate, useRoute } from '../lib/router.ts'
import { useSession } from '../lib/sessionContext.tsx'
import { collapsedFor, rememberCollapsed, storedCollapsed, WIDE_SCREEN_PX } from '../lib/siderPreference.ts'
import { findScreen, HOME_PATH, NAVIGATION } from '../routes.tsx'
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx'
import { DataFreshness } from './DataFreshness.tsx'
import { UserSwitcher } from './UserSwitcher.tsx'

const menuItems: MenuProps['items'] = NAVIGATION.map((entry) =>
  'group' in entry
    ? { key: entry.group, label: entry.label, icon: entry.icon, children: entry.children.map((c) => ({ key: c.path, label: c.label, icon: c.icon })) }
    : { key: entry.path, label: entry.label, icon: entry.icon }
)
const openGroups = NAVIGATION.flatMap((e) => ('group' in e ? [e.group] : []))

/** The fold of the navigation: the officer's stored choice, else following the window's width. */
function useSiderFold(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => collapsedFor(storedCollapsed(localStorage), window.innerWidth))
  useEffect(() => {
    const narrow = window.matchMedia(`(max-width: ${WIDE_SCREEN_PX - 1}px)`)
    const follow = () => {
      if (storedCollapsed(localStorage) === null) setCollapsed(narrow.matches)
    }
    narrow.addEventListener('change', follow)
    return () => narrow.removeEventListener('change', follow)
  }, [])
  const choose = (value: boolean) => {
    rememberCollapsed(localStorage, value)
    setCollapsed(value)
  }
  return [collapsed, choose]
}

export function AppShell() {
  const route = useRoute()
  const [collapsed, setCollapsed] = useSiderFold()
  // Folded, a group opens as a pop-up on hover and closes after; unfolded, the groups the officer opened stay open.
  const [openGroupKeys, setOpenGroupKeys] = useState(openGroups)
  const [popupKeys, setPopupKeys] = useState<string[]>([])
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
        <Layout.Sider
          width={208}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={
            <span className="app-sider-trigger" title={collapsed ? '展开导航' : '收起导航'} aria-label={collapsed ? '展开导航' : '收起导航'}>
              {collapsed ? <MenuUnfoldOutlined /> : <><MenuFoldOutlined /><span>收起导航</span></>}
            </span>
          }
          className="app-sider"
          theme="light"
          data-testid="app-sider"
        >
          <Menu
            mode="inline"
            className="app-menu"
            items={menuItems}
            selectedKeys={screen ? [screen.path] : []}
            openKeys={collapsed ? popupKeys : openGroupKeys}
            onOpenChange={collapsed ? setPopupKeys : setOpenGroupKeys}
            onClick={({ key }) => navigate(formatHash(key))}
          />
        </Layout.Sider>
        <Layout.Content className="app-content" key={`${screen?.path ?? ''}:${generation}`}>
          {screen ? <ScreenErrorBoundary screenName={screen.label}>{screen.render()}</ScreenErrorBoundary> : null}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
