// The bureau's override of one line: the action, the amount (万元) and the reason (required).
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { fenToYuanString, fenToWanString, parseWanYuan, parseYuan } from '@jixiao/core/money';
import { ACTION_OPTIONS, type LinkageAction, type LinkageRow } from './linkage-api.ts';

interface OverrideForm {
  action: LinkageAction;
  amountWan: string;
  reason: string;
}

export interface OverrideValues {
  action: LinkageAction;
  amountYuan: string;
  reason: string;
}

export function OverrideDialog({
  row,
  onClose,
  onSubmit,
}: {
  row: LinkageRow | null;
  onClose: () => void;
  onSubmit: (v: OverrideValues) => Promise<void>;
}) {
  const [form] = Form.useForm<OverrideForm>();
  useEffect(() => {
    if (row) {
      const fen = parseYuan(row.proposedAmountYuan) ?? 0;
      form.setFieldsValue({
        action: row.proposedAction === 'UNGRADED' ? 'MAINTAIN' : row.proposedAction,
        amountWan: fenToWanString(fen),
        reason: '',
      });
    }
  }, [row, form]);
  return (
    <Modal
      open={row !== null}
      title={`调整建议：${row?.projectCode ? row.objectName : (row?.departmentName ?? '')}`}
      okText="保存调整"
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((v) =>
          onSubmit({
            action: v.action,
            amountYuan: fenToYuanString(parseWanYuan(v.amountWan) ?? 0),
            reason: v.reason.trim(),
          }),
        )
      }
      data-testid="linkage-override-dialog"
    >
      {row && (
        <Typography.Paragraph type="secondary">
          系统建议：{row.proposedActionText}（采用等级 {row.grade ?? '无'}）
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="action" label="处理方式" rules={[{ required: true }]}>
          <Select options={ACTION_OPTIONS} data-testid="linkage-override-action" />
        </Form.Item>
        <Form.Item
          name="amountWan"
          label="安排金额（万元）"
          rules={[
            {
              required: true,
              pattern: /^\d{1,12}(\.\d{1,6})?$/,
              message: '请填写不小于0的金额（万元）',
            },
          ]}
        >
          <Input data-testid="linkage-override-amount" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="调整理由"
          rules={[{ required: true, whitespace: true, message: '调整建议须填写理由' }]}
        >
          <Input.TextArea rows={3} data-testid="linkage-override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
