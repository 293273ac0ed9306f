// 同比 (2023 vs 2024 where both exist): the dashboard's card (执行率 and 自评得分 of both years, per project) and the
// 自评表's panel (last year's target and actual beside this year's for the subject shown). Nothing when the year
// before has no data.
import { Card, Space, Table, Tag, Typography } from 'antd';
import type { Schema } from '../../api/schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';

type Result = Schema<'YearComparisonResult'>;
type Subject = Schema<'SubjectComparison'>;

function useComparison() {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const r = useApi<Result>(`/api/departments/${encodeURIComponent(code)}/year-comparison`, {
    year,
  });
  return r.data?.comparison ?? null;
}

function Change({ value, unit }: { value: string | null; unit: string }) {
  if (value === null) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const color = value.startsWith('-') ? 'red' : value === '0.00' ? 'default' : 'green';
  return (
    <Tag color={color}>
      {value}
      {unit}
    </Tag>
  );
}

const pct = (x: string | null) => (x === null ? '—' : `${x}%`);

/** Dashboard: 同比 card. */
export function YearComparisonCard() {
  const c = useComparison();
  if (!c) {
    return null;
  }
  const dep = c.department;
  const rows = [{ ...dep, name: '部门整体' }, ...c.projects];
  return (
    <Card
      size="small"
      className="jx-section"
      title={`同比：${c.previousYear}年 → ${c.year}年`}
      data-testid="year-comparison"
    >
      <Space size="large" wrap>
        <span>
          预算执行率 {pct(dep.previousRate)} → {pct(dep.currentRate)}{' '}
          <Change value={dep.rateChange} unit=" 个百分点" />
        </span>
        <span>
          自评得分 {dep.previousScore ?? '—'} → {dep.currentScore ?? '—'}{' '}
          <Change value={dep.scoreChange} unit=" 分" />
        </span>
      </Space>
      <Table<Subject>
        size="small"
        className="jx-section"
        pagination={false}
        rowKey={(r) => r.code ?? 'department'}
        dataSource={rows}
        columns={[
          { title: '对象', dataIndex: 'name', key: 'name' },
          { title: `${c.previousYear}年执行率`, key: 'pr', render: (_, r) => pct(r.previousRate) },
          { title: `${c.year}年执行率`, key: 'cr', render: (_, r) => pct(r.currentRate) },
          {
            title: '变化',
            key: 'rc',
            render: (_, r) => <Change value={r.rateChange} unit=" 个百分点" />,
          },
          {
            title: `${c.previousYear}年自评`,
            key: 'ps',
            render: (_, r) => (
              <Space size={4}>
                {r.previousScore ?? '—'}
                {r.previousGrade && <GradeTag grade={r.previousGrade} />}
              </Space>
            ),
          },
          {
            title: `${c.year}年自评`,
            key: 'cs',
            render: (_, r) => (
              <Space size={4}>
                {r.currentScore ?? '—'}
                {r.currentGrade && <GradeTag grade={r.currentGrade} />}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 自评表: last year's target and actual beside this year's, for the subject shown (null = 部门整体). */
export function SubjectYearComparison({ subjectCode }: { subjectCode: string | null }) {
  const c = useComparison();
  const s = !c
    ? null
    : subjectCode === null
      ? c.department
      : (c.projects.find((p) => p.code === subjectCode) ?? null);
  if (!c || !s || s.previousRate === null) {
    return null;
  }
  return (
    <Card
      size="small"
      className="jx-section"
      title={`同比：${c.previousYear}年实际与${c.year}年对照`}
      data-testid="subject-year-comparison"
    >
      <Typography.Paragraph>
        预算执行率 {pct(s.previousRate)} → {pct(s.currentRate)}{' '}
        <Change value={s.rateChange} unit=" 个百分点" />
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={s.indicators}
        columns={[
          { title: '三级指标', dataIndex: 'name', key: 'name' },
          { title: '单位', dataIndex: 'unit', key: 'unit' },
          {
            title: `${c.previousYear}年目标`,
            key: 'pt',
            render: (_, r) => r.previousTarget ?? '—',
          },
          {
            title: `${c.previousYear}年实际`,
            key: 'pa',
            render: (_, r) => r.previousActual ?? '—',
          },
          { title: `${c.year}年目标`, dataIndex: 'target', key: 't' },
          { title: `${c.year}年实际`, dataIndex: 'actual', key: 'a' },
        ]}
      />
    </Card>
  );
}
