// Asking why before a rule setting changes: a rule switched on or off, another pack chosen, or every
// rule put back to the pack's defaults. The reason goes into the audit log with the change; the change
// takes effect at the next analysis, which redoes every flag.
import { Alert, Form, Input, Modal } from 'antd'
import type { RuleView } from '../../../../core/api/channels.ts'
import { useModalForm } from '../../lib/useModalForm.ts'

export type RuleChange =
  | { kind: 'rule'; rule: RuleView; enabled: boolean }
  | { kind: 'pack'; pack: string; title: string }
  | { kind: 'reset'; count: number }

const REASON_MAX = 500

function wording(change: RuleChange): { title: string; ok: string; lead: string; example: string } {
  switch (change.kind) {
    case 'rule':
      return change.enabled
        ? { title: `启用规则「${change.rule.title}」`, ok: '启用', lead: '启用后，下次分析将按此规则查找问题线索。', example: '例如：本区开展专项监督，需要核查此类问题。' }
        : {
            title: `停用规则「${change.rule.title}」`, ok: '停用', lead: '停用后，下次分析不再按此规则查找问题线索，已有的此类线索将在重新分析后消失（已作的确认、排除决定仍然保留）。',
            example: '例如：该规定在本区尚未施行，经科室会议决定暂不核查。'
          }
    case 'pack':
      return { title: `改用规则包「${change.title}」`, ok: '改用', lead: '改用后，下次分析将按该规则包的规则和参数全部重新分析。', example: '例如：对照外地做法，试用该规则包。' }
    case 'reset':
      return { title: '恢复规则包默认设置', ok: '恢复默认', lead: `将 ${change.count} 条本地调整的规则恢复为规则包的默认设置，下次分析时生效。`, example: '例如：专项工作结束，恢复常规核查。' }
  }
}

export function RuleChangeModal(props: { change: RuleChange | null; onCancel: () => void; onSubmit: (change: RuleChange, reason: string) => Promise<void> }) {
  const { change } = props
  const { form, saving, error, submit, cancel } = useModalForm<{ reason: string }>()
  if (!change) return null
  const w = wording(change)
  return (
    <Modal
      open
      title={w.title}
      okText={w.ok}
      okButtonProps={{ danger: change.kind === 'rule' && !change.enabled, loading: saving }}
      cancelText="取消"
      onOk={() => void submit((values) => props.onSubmit(change, values.reason.trim()))}
      onCancel={() => {
        cancel()
        props.onCancel()
      }}
      destroyOnHidden
      width={560}
      className="rule-change-modal"
    >
      <p className="rule-change-lead">{w.lead}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="理由（记入审计日志）"
          rules={[
            { required: true, whitespace: true, message: '请说明理由' },
            { validator: (_, v: unknown) => (typeof v === 'string' && v.trim().length === 1 ? Promise.reject(new Error('理由至少 2 个字')) : Promise.resolve()) }
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={w.example} aria-label="理由" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title="保存失败" description={error} /> : null}
    </Modal>
  )
}
