// The account screens' dialogs: new account and edit (system administrator), grant a role and lock (security
// administrator), and the one-time display of a generated password.
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { Schema } from '../../api/schema.ts';
import type { Role } from '../../app/roles.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PLACED_ROLES, type Account } from './account-duties.ts';

type Placement = Schema<'AccountPlacement'>;

export interface AccountValues {
  username?: string;
  displayName?: string;
  role?: Role;
  departmentCode?: string | null;
  minutes?: number;
}

export type DialogKind = 'create' | 'edit' | 'role' | 'lock';

function placementOptions(placements: Placement[], role: Role | undefined) {
  return placements
    .filter((p) =>
      role === 'financeReviewer' ? p.kind === 'financeBureau' : p.kind === 'department',
    )
    .map((p) => ({ value: p.code, label: p.name }));
}

export function AccountDialog(props: {
  kind: DialogKind | null;
  account: Account | null;
  roles: readonly Role[];
  placements: Placement[];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: AccountValues) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<AccountValues>();
  const role = Form.useWatch('role', form) ?? props.account?.role;
  useEffect(() => {
    if (props.kind) {
      form.resetFields();
      form.setFieldsValue({
        displayName: props.account?.displayName,
        role: props.kind === 'create' ? 'clerk' : props.account?.role,
        departmentCode: props.account?.departmentCode ?? undefined,
        minutes: 30,
      });
    }
  }, [props.kind, props.account, form]);
  const titles: Record<DialogKind, { zh: string; en: string }> = {
    create: { zh: '新建账户', en: 'New account' },
    edit: { zh: '编辑账户', en: 'Edit account' },
    role: { zh: '授予角色', en: 'Grant role' },
    lock: { zh: '锁定账户', en: 'Lock account' },
  };
  const kind = props.kind;
  const placed = role !== undefined && PLACED_ROLES.includes(role);
  return (
    <Modal
      open={kind !== null}
      title={
        kind ? `${pick(titles[kind])}${props.account ? ` · ${props.account.displayName}` : ''}` : ''
      }
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: props.busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={props.onSubmit} data-testid="account-form">
        {kind === 'create' && (
          <Form.Item
            name="username"
            label={pick({ zh: '用户名', en: 'Username' })}
            extra={pick({
              zh: '小写字母开头，3–32 位字母、数字、_ . -',
              en: 'Starts with a lower-case letter; 3–32 letters, digits, _ . -',
            })}
            rules={[
              { required: true, message: pick({ zh: '请填写用户名', en: 'Enter a username' }) },
            ]}
          >
            <Input autoComplete="off" data-testid="account-username" />
          </Form.Item>
        )}
        {(kind === 'create' || kind === 'edit') && (
          <Form.Item
            name="displayName"
            label={pick({ zh: '姓名', en: 'Name' })}
            rules={[{ required: true, message: pick({ zh: '请填写姓名', en: 'Enter a name' }) }]}
          >
            <Input data-testid="account-name" />
          </Form.Item>
        )}
        {(kind === 'create' || kind === 'role') && (
          <Form.Item
            name="role"
            label={pick({ zh: '角色', en: 'Role' })}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="account-role"
              options={props.roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
            />
          </Form.Item>
        )}
        {kind !== 'lock' && kind !== null && placed && (
          <Form.Item
            name="departmentCode"
            label={pick({ zh: '所属部门', en: 'Department' })}
            rules={[
              { required: true, message: pick({ zh: '请选择部门', en: 'Choose a department' }) },
            ]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="account-department"
              options={placementOptions(props.placements, role)}
            />
          </Form.Item>
        )}
        {kind === 'lock' && (
          <Form.Item
            name="minutes"
            label={pick({ zh: '锁定时长（分钟）', en: 'Lock for (minutes)' })}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={525600} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function PasswordShown({
  shown,
  onClose,
}: {
  shown: { user: string; password: string } | null;
  onClose: () => void;
}) {
  const { pick } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={pick({ zh: '初始密码', en: 'Initial password' })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert
        type="warning"
        showIcon
        message={pick({
          zh: `账户 ${shown?.user ?? ''} 的密码仅显示这一次，请当面或以安全方式交给本人；首次登录须修改。`,
          en: `The password of ${shown?.user ?? ''} is shown only once: hand it over safely; it must be changed at the first sign-in.`,
        })}
      />
      <Typography.Paragraph
        copyable
        code
        style={{ marginTop: 12 }}
        data-testid="generated-password"
      >
        {shown?.password}
      </Typography.Paragraph>
    </Modal>
  );
}
