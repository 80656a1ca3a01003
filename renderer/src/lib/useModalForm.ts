// The state of a modal that asks for a reason before saving a decision: the form, a saving flag for
// the OK button and the error of a failed save (the modal stays open with it). After a save the form
// is cleared; cancelling clears the form and the error.
import { Form } from 'antd'
import { useState } from 'react'

export function useModalForm<Values>() {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  /** Validates the form (rejects when invalid: the form shows why), then saves. */
  const submit = async (save: (values: Values) => Promise<void>) => {
    const values = await form.validateFields()
    setSaving(true)
    setError(null)
    try {
      await save(values)
      form.resetFields()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    form.resetFields()
    setError(null)
  }

  return { form, saving, error, submit, cancel }
}
