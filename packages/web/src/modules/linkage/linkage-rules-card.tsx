// The region's linkage rules for the budget year: per object type and grade, the action and (for 压减) the
// percentage. Shown to everyone; the finance bureau edits and saves them (the defaults until it does).
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import {
  ACTION_OPTIONS,
  OBJECT_TYPE_TEXT,
  type LinkageRules,
  type LinkageRuleSet,
} from './linkage-api.ts';

type ObjectType = keyof LinkageRuleSet;
type Rule = LinkageRuleSet[ObjectType][number];
const TYPES: ObjectType[] = ['continuing', 'oneOff', 'department'];

export function LinkageRulesCard({
  rules,
  year,
  canEdit,
  onSaved,
}: {
  rules: LinkageRules;
  year: number;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<LinkageRuleSet>(rules.rules);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(rules.rules), [rules]);
  const change = (type: ObjectType, grade: string, patch: Partial<Rule>) =>
    setDraft((d) => ({
      ...d,
      [type]: d[type].map((r) =>
        r.grade === grade
          ? {
              ...r,
              ...patch,
              cutPct:
                (patch.action ?? r.action) === 'CUT' ? (patch.cutPct ?? r.cutPct ?? '10') : null,
            }
          : r,
      ),
    }));
  const save = () => {
    setSaving(true);
    api
      .put('/api/linkage/rules', { rules: draft }, { year })
      .then(() => {
        void message.success('结果应用规则已保存');
        onSaved();
      })
      .catch((e: unknown) => void message.error((e as Error).message))
      .finally(() => setSaving(false));
  };
  const rows = TYPES.flatMap((type) => draft[type].map((r) => ({ type, ...r })));
  return (
    <Card
      size="small"
      title={
        <Space>
          结果应用规则
          <Tag>{rules.source === 'default' ? '默认规则' : '本地区规则'}</Tag>
        </Space>
      }
      extra={
        canEdit && (
          <Button onClick={save} loading={saving} data-testid="linkage-rules-save">
            保存规则
          </Button>
        )
      }
      className="jx-section"
    >
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.type}-${r.grade}`}
        dataSource={rows}
        columns={[
          { title: '对象类型', key: 'type', render: (_, r) => OBJECT_TYPE_TEXT[r.type] },
          { title: '等级', dataIndex: 'grade', key: 'grade' },
          {
            title: '处理方式',
            key: 'action',
            render: (_, r) => (
              <Select
                aria-label={`${OBJECT_TYPE_TEXT[r.type]} ${r.grade} 处理方式`}
                disabled={!canEdit}
                style={{ width: 200 }}
                value={r.action}
                options={ACTION_OPTIONS}
                onChange={(v) => change(r.type, r.grade, { action: v })}
              />
            ),
          },
          {
            title: '压减比例（%）',
            key: 'cut',
            render: (_, r) =>
              r.action === 'CUT' ? (
                <Input
                  aria-label={`${OBJECT_TYPE_TEXT[r.type]} ${r.grade} 压减比例（%）`}
                  disabled={!canEdit}
                  style={{ width: 100 }}
                  value={r.cutPct ?? ''}
                  onChange={(e) => change(r.type, r.grade, { cutPct: e.target.value })}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
