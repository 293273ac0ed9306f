// The bureau registers a 第三方机构 (code and name); the system administrator then creates its evaluators'
// accounts (系统管理 → 第三方机构账户), and the bureau assigns items to it from an item's review actions.
import { App, Button, Form, Input, List, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Agency } from './exante-api.ts';

const TEXT = {
  zh: {
    open: '第三方机构',
    title: '已登记的第三方机构',
    code: '机构编码',
    name: '机构名称',
    add: '登记',
    hint: '评估人员账户由系统管理员在「第三方机构账户」中创建。',
  },
  en: {
    open: 'Agencies',
    title: 'Registered third-party agencies',
    code: 'Code',
    name: 'Name',
    add: 'Register',
    hint: 'The system administrator creates the evaluators’ accounts (Third-party accounts).',
  },
} as const;

export function AgencyRegisterButton({ year }: { year: number }) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ code: string; name: string }>();
  const list = useApi<Agency[]>(open ? '/api/exante/agencies' : null);
  const add = (v: { code: string; name: string }) =>
    api
      .post('/api/exante/agencies', { ...v, year })
      .then(() => {
        form.resetFields();
        list.reload();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="exante-agencies">
        {txt.open}
      </Button>
      <Modal open={open} title={txt.title} footer={null} onCancel={() => setOpen(false)}>
        <List
          size="small"
          dataSource={list.data ?? []}
          renderItem={(a) => <List.Item>{`${a.code} ${a.name}`}</List.Item>}
          data-testid="exante-agency-list"
        />
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginTop: 12 }}>
          <Form.Item name="code" rules={[{ required: true }]}>
            <Input placeholder={txt.code} data-testid="exante-agency-code" />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={txt.name} data-testid="exante-agency-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="exante-agency-add">
            {txt.add}
          </Button>
        </Form>
        <p className="jx-muted" style={{ marginTop: 12 }}>
          {txt.hint}
        </p>
      </Modal>
    </>
  );
}
