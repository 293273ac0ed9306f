// 登记公开: the publication URL, the date and a screenshot (PNG/JPEG) of the published page.
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { publicationPath, type Publication } from './publication-api.ts';

export function PublishForm({
  code,
  year,
  onDone,
}: {
  code: string;
  year: number;
  onDone: (p: Publication) => void;
}) {
  const { message } = App.useApp();
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    const form = new FormData();
    form.set('url', url);
    form.set('publishedOn', date);
    if (file) {
      form.set('screenshot', file, file.name);
    }
    setBusy(true);
    setError(null);
    api
      .post<Publication>(`${publicationPath(code)}/publish`, form, { year })
      .then((p) => {
        onDone(p);
        void message.success('已登记公开');
      })
      .catch((e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }} onFinish={submit}>
      <Form.Item label="公开网址" required>
        <Input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://…（部门门户网站或政府信息公开平台上的页面）"
          data-testid="publish-url"
        />
      </Form.Item>
      <Form.Item label="公开时间" required>
        <Input
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          style={{ width: 200 }}
          data-testid="publish-date"
        />
      </Form.Item>
      <Form.Item label="公开页面截图（PNG / JPEG，≤ 5 MB）" required>
        <input
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="publish-screenshot"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="publish-submit">
        登记公开
      </Button>
    </Form>
  );
}
