// The screens and the left navigation, in the order of an officer's work.
import {
  AlertOutlined, AuditOutlined, BarChartOutlined, CloudSyncOutlined, DashboardOutlined, FileSearchOutlined, FileTextOutlined,
  SafetyCertificateOutlined, SettingOutlined, ShopOutlined, SolutionOutlined
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import { DashboardScreen } from './features/dashboard/DashboardScreen.tsx'
import { FlagsScreen } from './features/flags/FlagsScreen.tsx'
import { PendingScreen } from './features/pending/PendingScreen.tsx'
import { PENDING_SCREENS } from './features/pending/pendingScreens.ts'
import { PlansScreen } from './features/plans/PlansScreen.tsx'
import { ReviewsScreen } from './features/reviews/ReviewsScreen.tsx'
import { RulesScreen } from './features/rules/RulesScreen.tsx'
import { RULES_PATH } from './features/rules/rulesRoute.ts'

export type ScreenRoute = { path: string; label: string; icon: ReactNode; render: () => ReactNode }
export type NavEntry = ScreenRoute | { group: string; label: string; icon: ReactNode; children: ScreenRoute[] }

export const HOME_PATH = '/home'

export const NAVIGATION: NavEntry[] = [
  { path: HOME_PATH, label: '工作台', icon: <DashboardOutlined />, render: () => <DashboardScreen /> },
  {
    group: 'review', label: '计划审核', icon: <AuditOutlined />,
    children: [
      { path: '/plans', label: '检查计划', icon: <FileSearchOutlined />, render: () => <PlansScreen /> },
      { path: '/plan-review', label: '备案审核', icon: <SolutionOutlined />, render: () => <ReviewsScreen /> }
    ]
  },
  { path: '/flags', label: '问题线索', icon: <AlertOutlined />, render: () => <FlagsScreen /> },
  { path: RULES_PATH, label: '检查规则', icon: <SafetyCertificateOutlined />, render: () => <RulesScreen /> },
  { path: '/enterprises', label: '企业', icon: <ShopOutlined />, render: () => <PendingScreen info={PENDING_SCREENS.enterprises} /> },
  { path: '/documents', label: '监督文书', icon: <FileTextOutlined />, render: () => <PendingScreen info={PENDING_SCREENS.documents} /> },
  { path: '/statistics', label: '统计分析', icon: <BarChartOutlined />, render: () => <PendingScreen info={PENDING_SCREENS.statistics} /> },
  { path: '/sync', label: '数据同步', icon: <CloudSyncOutlined />, render: () => <PendingScreen info={PENDING_SCREENS.sync} /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, render: () => <PendingScreen info={PENDING_SCREENS.settings} /> }
]

export const SCREEN_ROUTES: ScreenRoute[] = NAVIGATION.flatMap((e) => ('group' in e ? e.children : [e]))

export function findScreen(path: string): ScreenRoute | undefined {
  return SCREEN_ROUTES.find((r) => r.path === path)
}
