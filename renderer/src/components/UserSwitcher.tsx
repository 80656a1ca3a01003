// The signed-in user in the header (name and role); the menu lists this workstation's users to switch to.
import { CheckOutlined, DownOutlined, UserOutlined } from '@ant-design/icons'
import { Avatar, Dropdown, Space, Tag, type MenuProps } from 'antd'
import { USER_ROLE_NAMES } from '../../../core/api/channels.ts'
import { useSession } from '../lib/sessionContext.tsx'

const ROLE_COLORS = { OFFICER: 'blue', STAFF: 'gold', AUDITOR: 'purple' } as const
/** Officers first: they are the ones who sign in most. */
const ROLE_ORDER = { OFFICER: 0, STAFF: 1, AUDITOR: 2 } as const

export function UserSwitcher() {
  const { user, users, signIn } = useSession()
  const items: MenuProps['items'] = [
    { key: 'title', type: 'group', label: '切换用户' },
    ...[...users].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN')).map((u) => ({
      key: u.id,
      label: (
        <div className="user-option" data-user-id={u.id}>
          <span className="user-option-name">{u.name}</span>
          <Tag color={ROLE_COLORS[u.role]} variant="filled">{USER_ROLE_NAMES[u.role]}</Tag>
          {u.departmentName ? <span className="user-option-dept">{u.departmentName}</span> : null}
        </div>
      ),
      icon: u.id === user.id ? <CheckOutlined /> : <span className="user-option-spacer" />
    }))
  ]
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{ items, selectable: true, selectedKeys: [user.id], onClick: ({ key }) => key !== user.id && void signIn(key) }}
    >
      <button type="button" className="header-user" aria-label={`当前用户 ${user.name}，点击切换用户`}>
        <Space size={8}>
          <Avatar size={28} icon={<UserOutlined />} className="header-user-avatar" />
          <span className="header-user-name">{user.name}</span>
          <span className="header-user-role">{USER_ROLE_NAMES[user.role]}</span>
          <DownOutlined className="header-user-caret" />
        </Space>
      </button>
    </Dropdown>
  )
}
