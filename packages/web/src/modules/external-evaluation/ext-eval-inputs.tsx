// The input of one 三级 indicator by its rule type: 分子/分母 (or the three 预算执行率 amounts), a count of problems,
// a tier, the 评价要点 met, or a manual score with its required note.
import { Checkbox, Input, InputNumber, Select, Space } from 'antd';
import type { ExtEvalInputValue, ExtEvalRow } from './ext-eval-api.ts';

type Change = (v: ExtEvalInputValue | null) => void;

function RatioInput({
  value,
  onChange,
  disabled,
}: {
  value: ExtEvalInputValue | null;
  onChange: Change;
  disabled: boolean;
}) {
  const v =
    value?.kind === 'ratio'
      ? value
      : value?.kind === 'rate'
        ? { kind: 'ratio' as const, numerator: value.percent, denominator: '100' }
        : { kind: 'ratio' as const, numerator: '', denominator: '' };
  return (
    <Space.Compact size="small">
      <Input
        aria-label="实际数"
        placeholder="实际数"
        value={v.numerator}
        disabled={disabled}
        style={{ width: 90 }}
        onChange={(e) => onChange({ ...v, numerator: e.target.value.trim() })}
      />
      <Input
        aria-label="计划数"
        placeholder="计划数"
        value={v.denominator}
        disabled={disabled}
        style={{ width: 90 }}
        onChange={(e) => onChange({ ...v, denominator: e.target.value.trim() })}
      />
    </Space.Compact>
  );
}

function ExecutionInput({
  value,
  onChange,
  disabled,
}: {
  value: ExtEvalInputValue | null;
  onChange: Change;
  disabled: boolean;
}) {
  const v =
    value?.kind === 'execution'
      ? value
      : { kind: 'execution' as const, spent: '', available: '', adjustedBudget: '' };
  const field = (key: 'spent' | 'available' | 'adjustedBudget', label: string) => (
    <Input
      size="small"
      addonBefore={label}
      aria-label={label}
      value={v[key]}
      disabled={disabled}
      onChange={(e) => onChange({ ...v, [key]: e.target.value.trim() })}
    />
  );
  return (
    <Space direction="vertical" size={2}>
      {field('spent', '实际支出（元）')}
      {field('available', '实际到位资金（元）')}
      {field('adjustedBudget', '调整后预算数（元）')}
    </Space>
  );
}

export function IndicatorInput({
  row,
  value,
  onChange,
  disabled,
}: {
  row: ExtEvalRow;
  value: ExtEvalInputValue | null;
  onChange: Change;
  disabled: boolean;
}) {
  const { rule } = row;
  if (row.metric === 'budgetExecution') {
    return <ExecutionInput value={value} onChange={onChange} disabled={disabled} />;
  }
  switch (rule.type) {
    case 'proportional':
      return <RatioInput value={value} onChange={onChange} disabled={disabled} />;
    case 'deductPerPoint':
      return rule.unit === 'occurrence' ? (
        <InputNumber
          size="small"
          min={0}
          precision={0}
          aria-label="问题数"
          addonAfter="处"
          disabled={disabled}
          value={value?.kind === 'count' ? value.count : null}
          onChange={(n) => onChange(n === null ? null : { kind: 'count', count: n })}
        />
      ) : (
        <RatioInput value={value} onChange={onChange} disabled={disabled} />
      );
    case 'tiered':
      return (
        <Select
          size="small"
          style={{ width: 160 }}
          aria-label="档次"
          placeholder="选择档次"
          disabled={disabled}
          value={value?.kind === 'tier' ? value.index : undefined}
          onChange={(i: number) => onChange({ kind: 'tier', index: i })}
          options={rule.tiers.map((t, i) => ({ value: i, label: `${t.label}（${t.score}）` }))}
        />
      );
    case 'checklist': {
      const met = value?.kind === 'checklist' ? value.met : rule.items.map(() => false);
      return (
        <Space direction="vertical" size={0}>
          {rule.items.map((item, i) => (
            <Checkbox
              key={item}
              checked={met[i] ?? false}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  kind: 'checklist',
                  met: met.map((m, j) => (j === i ? e.target.checked : m)),
                })
              }
            >
              {item}
            </Checkbox>
          ))}
        </Space>
      );
    }
    case 'manual': {
      const v = value?.kind === 'manual' ? value : { kind: 'manual' as const, score: '', note: '' };
      return (
        <Space direction="vertical" size={2}>
          <Input
            size="small"
            aria-label="得分"
            placeholder="得分"
            style={{ width: 90 }}
            disabled={disabled}
            value={v.score}
            onChange={(e) => onChange({ ...v, score: e.target.value.trim() })}
          />
          <Input.TextArea
            aria-label="评分依据"
            placeholder="评分依据（必填）"
            rows={2}
            disabled={disabled}
            value={v.note}
            onChange={(e) => onChange({ ...v, note: e.target.value })}
          />
        </Space>
      );
    }
  }
}
