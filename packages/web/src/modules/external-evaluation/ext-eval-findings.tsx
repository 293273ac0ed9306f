// 存在的问题 and 有关建议, one pair per finding (every problem maps to a recommendation; each becomes a 整改 item
// when the bureau concludes the evaluation).
import { Button, Card, Input, Select, Space } from 'antd';
import type { ExtEvalDetail } from './ext-eval-api.ts';
import { DIMENSION_TEXT } from './ext-eval-api.ts';

export type Finding = ExtEvalDetail['findings'][number];

export function FindingsEditor({
  value,
  onChange,
  editable,
}: {
  value: Finding[];
  onChange: (f: Finding[]) => void;
  editable: boolean;
}) {
  const set = (i: number, patch: Partial<Finding>) =>
    onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Card
      size="small"
      title="存在的问题及建议（审定后列入整改清单）"
      data-testid="ext-eval-findings"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {value.map((f, i) => (
          <Space key={i} align="start" wrap>
            <Select
              size="small"
              style={{ width: 90 }}
              aria-label="问题类别"
              disabled={!editable}
              value={f.dimension}
              onChange={(dimension: Finding['dimension']) => set(i, { dimension })}
              options={Object.entries(DIMENSION_TEXT).map(([v, l]) => ({ value: v, label: l }))}
            />
            <Input.TextArea
              rows={2}
              style={{ width: 380 }}
              aria-label={`问题 ${i + 1}`}
              placeholder="存在的问题"
              disabled={!editable}
              value={f.problem}
              onChange={(e) => set(i, { problem: e.target.value })}
            />
            <Input.TextArea
              rows={2}
              style={{ width: 380 }}
              aria-label={`建议 ${i + 1}`}
              placeholder="对应的建议"
              disabled={!editable}
              value={f.recommendation}
              onChange={(e) => set(i, { recommendation: e.target.value })}
            />
            {editable && (
              <Button size="small" danger onClick={() => onChange(value.filter((_, j) => j !== i))}>
                删除
              </Button>
            )}
          </Space>
        ))}
        {editable && (
          <Button
            size="small"
            onClick={() =>
              onChange([...value, { problem: '', recommendation: '', dimension: 'process' }])
            }
          >
            添加问题
          </Button>
        )}
        {!editable && value.length === 0 && <span className="jx-muted">无。</span>}
      </Space>
    </Card>
  );
}
