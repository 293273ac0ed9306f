// When an import cannot match a required column (IMPORT_HEADERS_MISSING), the file's headers beside the fields the
// import needs: the user says which header holds each field, the choice is saved for the department and this kind
// of file (PUT …/import-mappings/{kind}, merged with what was saved before), and the same file is sent again.
import { Alert, Button, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { Schema } from '../../api/schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type ColumnMapping = Schema<'ColumnMapping'>;
export type MappingKind = ColumnMapping['kind'];

/** What IMPORT_HEADERS_MISSING carries: the missing fields with their accepted headers, and the headers found. */
export interface HeadersMissing {
  accepted: Record<string, string[]>;
  found: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The details of an IMPORT_HEADERS_MISSING error, or null for any other error. */
export function headersMissing(e: unknown): HeadersMissing | null {
  if (!(e instanceof ApiError) || e.code !== 'IMPORT_HEADERS_MISSING' || !isRecord(e.details)) {
    return null;
  }
  const { accepted, found } = e.details;
  if (!isRecord(accepted) || !Array.isArray(found)) {
    return null;
  }
  const fields: Record<string, string[]> = {};
  for (const [f, list] of Object.entries(accepted)) {
    fields[f] = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  }
  return { accepted: fields, found: found.filter((x): x is string => typeof x === 'string') };
}

const TEXT = {
  zh: {
    title: '文件中的列与所需字段对不上，请指定对应关系',
    hint: '为每个所需字段选择文件中的表头；保存后本部门以后导入此类文件时会自动按此对应。',
    field: '所需字段',
    choose: '选择文件中的表头',
    also: '可识别的写法：',
    save: '保存对应关系并重新导入',
    cancel: '取消',
    pick: '请选择表头',
  },
  en: {
    title: 'Some columns could not be matched: map them',
    hint: 'Pick the file’s header for each field; the department’s next imports of this kind use the mapping.',
    field: 'Field',
    choose: 'Header in the file',
    also: 'Accepted spellings: ',
    save: 'Save the mapping and import again',
    cancel: 'Cancel',
    pick: 'Pick a header',
  },
} as const;

export function ColumnMappingForm({
  kind,
  departmentCode,
  missing,
  onSaved,
  onCancel,
}: {
  kind: MappingKind;
  departmentCode: string;
  missing: HeadersMissing;
  /** Called once the mapping is saved: the caller sends the same file again. */
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/departments/${encodeURIComponent(departmentCode)}/import-mappings/${kind}`;

  const save = async (chosen: Record<string, string>) => {
    setSaving(true);
    setError(null);
    try {
      const before = await api.get<ColumnMapping>(url);
      const input: Schema<'ColumnMappingInput'> = { mapping: { ...before.mapping, ...chosen } };
      await api.put<ColumnMapping>(url, input);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };

  const options = missing.found.map((h) => ({ value: h, label: h }));
  return (
    <Alert
      className="jx-section"
      type="warning"
      showIcon
      message={txt.title}
      data-testid="column-mapping"
      description={
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <p className="jx-muted">{txt.hint}</p>
          {Object.entries(missing.accepted).map(([field, aliases]) => (
            <Form.Item
              key={field}
              name={field}
              label={aliases[0] ?? field}
              extra={aliases.length > 1 ? `${txt.also}${aliases.slice(1).join('、')}` : undefined}
              rules={[{ required: true, message: txt.pick }]}
            >
              <Select
                placeholder={txt.choose}
                options={options}
                showSearch
                data-testid={`column-mapping-${field}`}
              />
            </Form.Item>
          ))}
          {error && <Alert type="error" showIcon message={error} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {txt.save}
            </Button>
            <Button onClick={onCancel}>{txt.cancel}</Button>
          </Space>
        </Form>
      }
    />
  );
}
