// Asking for the reason of a flag decision (single or bulk). Dismissing (排除) needs a reason: it is what
// the record will show when someone asks later why the flag was let go. Confirming may carry one.
import { Alert, Form, Input, Modal } from 'antd'
import { formatCount } from '../../lib/format.ts'
import { FLAG_DECISION_VERBS } from '../../lib/labels.ts'
import { useModalForm } from '../../lib/useModalForm.ts'

export type FlagDecisionCode = keyof typeof FLAG_DECISION_VERBS

export const REASON_MAX = 2000

export function reasonRequired(decision: FlagDecisionCode): boolean {
  return decision === 'DISMISSED'
}

export function DecisionModal(props: {
  decision: FlagDecisionCode | null
  count: number
  onCancel: () => void
  onSubmit: (decision: FlagDecisionCode, reason: string) => Promise<void>
}) {
  const { decision, count } = props
  const { form, saving, error, submit, cancel } = useModalForm<{ reason: string }>()
  if (!decision) return null
  const verb = FLAG_DECISION_VERBS[decision]
  return (
    <Modal
      open
      title={`${verb}问题线索（${formatCount(count)} 条）`}
      okText={`${verb} ${formatCount(count)} 条`}
      okButtonProps={{ danger: decision === 'CONFIRMED', loading: saving }}
      cancelText="取消"
      onOk={() => void submit((values) => props.onSubmit(decision, values.reason?.trim() ?? ''))}
      onCancel={() => {
        cancel()
        props.onCancel()
      }}
      destroyOnHidden
      className="decision-modal"
      width={560}
    >
      <p className="decision-modal-lead">
        {decision === 'CONFIRMED'
          ? '确认后，这些线索将作为认定的问题，可用于起草监督文书。重新分析后决定仍然保留。'
          : '排除后，这些线索不再作为问题处理。请写明排除理由，理由将记入审计日志并随决定上报。'}
      </p>
      <Form form={form} layout="vertical" requiredMark={reasonRequired(decision)}>
        <Form.Item
          name="reason"
          label={decision === 'CONFIRMED' ? '认定意见（可选）' : '排除理由'}
          rules={reasonRequired(decision) ? [{ required: true, whitespace: true, message: '排除问题线索须说明理由' }] : []}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder={decision === 'CONFIRMED' ? '例如：经核实，检查确未备案。' : '例如：经核实，该检查属上级部署的专项检查，计划已另行备案。'} aria-label="决定理由" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title="保存失败" description={error} /> : null}
    </Modal>
  )
}
