// 任务分解 (招商一盘棋): the city's target, its split across the district's departments and 18 街道, each
// unit's progress through a month (counted from the pipeline by responsible unit and month reached),
// the ranking against 序时进度, and the district's month-by-month curve. The bureau edits the split.
import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import {
  deptBase,
  PROGRESS_STATUS,
  TARGET_KIND_LABEL,
  TARGET_KINDS,
  type Decomposition,
  type TargetKind,
  type TargetView,
  type UnitProgress,
  type UnitRef,
} from './investment-api.ts';

const STATUS_COLOR: Record<UnitProgress['status'], string> = {
  DONE: '#389e0d',
  ON_TRACK: '#1677ff',
  BEHIND: '#fa8c16',
  NO_TARGET: '#bfbfbf',
};

/** ECharts tooltips are HTML: unit names are escaped. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A quantity as shown: counts as they are, amounts (万元) through the one money formatter. */
function quantity(kind: TargetKind, v: string | null): string {
  if (v === null) {
    return '—';
  }
  return kind === 'signedInvestment' ? moneyText({ wan: v }) : v;
}

export function TargetDecomposition({
  code,
  year,
  canEdit,
}: {
  code: string;
  year: number;
  canEdit: boolean;
}) {
  const { pick, lang } = useI18n();
  const [kind, setKind] = useState<TargetKind>('negotiatedKeyProjects');
  const [month, setMonth] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const base = `${deptBase(code)}/investment-targets`;
  const targets = useApi<TargetView[]>(base, { year });
  const progress = useApi<Decomposition>(`${base}/${kind}/progress`, { year, month });
  const target = targets.data?.find((t) => t.kind === kind) ?? null;
  const p = progress.data;

  const rankingOption = useMemo<EChartsCoreOption | null>(() => {
    if (!p) {
      return null;
    }
    const rows = p.units.filter((u) => u.rate !== null);
    const names = rows.map((u) => u.unitName).reverse();
    return {
      grid: { left: 150, right: 48, top: 24, bottom: 24 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { name: string; data: { rate: string } }[]) =>
          ps.map((x) => `${escapeHtml(x.name)}：${x.data.rate}%`).join('<br/>'),
      },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          name: pick({ zh: '完成率', en: 'Completion' }),
          // Bar lengths are plotted as numbers; the labels show the API's exact 2-decimal rates.
          data: rows
            .map((u) => ({
              value: Number(u.rate),
              rate: u.rate,
              itemStyle: { color: STATUS_COLOR[u.status] },
            }))
            .reverse(),
          label: {
            show: true,
            position: 'right',
            formatter: (x: { data: { rate: string } }) => `${x.data.rate}%`,
          },
          markLine: {
            symbol: 'none',
            data: [
              {
                xAxis: Number(p.timeProgress),
                name: pick({ zh: '序时进度', en: 'Time progress' }),
              },
            ],
            label: {
              formatter: pick({ zh: `序时进度 ${p.timeProgress}%`, en: `Time ${p.timeProgress}%` }),
            },
            lineStyle: { color: '#cf1322', type: 'dashed' },
          },
        },
      ],
    };
  }, [p, pick]);

  const monthlyOption = useMemo<EChartsCoreOption | null>(() => {
    if (!p) {
      return null;
    }
    const months = p.district.cumulative.map((_v, i) =>
      lang === 'en' ? `M${i + 1}` : `${i + 1}月`,
    );
    const cumulative = p.district.cumulative.map(Number);
    const perMonth = cumulative.map((v, i) => v - (i > 0 ? cumulative[i - 1]! : 0));
    const cityTarget = p.district.target === null ? null : Number(p.district.target);
    return {
      grid: { left: 56, right: 24, top: 40, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: p.unit },
      series: [
        {
          type: 'bar',
          name: pick({ zh: '当月新增', en: 'In month' }),
          data: perMonth,
          itemStyle: { color: '#91caff' },
        },
        {
          type: 'line',
          name: pick({ zh: '累计完成', en: 'Cumulative' }),
          data: cumulative,
          itemStyle: { color: '#1677ff' },
          markLine:
            cityTarget === null
              ? undefined
              : {
                  symbol: 'none',
                  data: [{ yAxis: cityTarget }],
                  label: {
                    position: 'insideEndTop',
                    formatter: pick({
                      zh: `市下达目标 ${quantity(p.kind, p.district.target)}`,
                      en: `City target ${quantity(p.kind, p.district.target)}`,
                    }),
                  },
                  lineStyle: { color: '#cf1322', type: 'dashed' },
                },
        },
      ],
    };
  }, [p, pick, lang]);

  return (
    <div data-testid="target-decomposition">
      <div className="jx-table-tools">
        <Space wrap>
          <Segmented<TargetKind>
            value={kind}
            onChange={(v) => setKind(v)}
            options={TARGET_KINDS.map((k) => ({ value: k, label: pick(TARGET_KIND_LABEL[k]) }))}
            data-testid="target-kind"
          />
          <Select
            aria-label={pick({ zh: '统计到', en: 'Through month' })}
            style={{ width: 140 }}
            value={month ?? p?.month}
            onChange={(v: number) => setMonth(v)}
            options={Array.from({ length: 12 }, (_x, i) => ({
              value: i + 1,
              label: pick({ zh: `截至${i + 1}月末`, en: `Through month ${i + 1}` }),
            }))}
          />
        </Space>
        {canEdit && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-allocation"
          >
            {pick({ zh: '设定任务与分解', en: 'Set targets' })}
          </Button>
        )}
      </div>
      <LoadState
        loading={(progress.loading && !p) || (targets.loading && !targets.data)}
        error={progress.error ?? targets.error}
        reload={progress.reload}
      >
        {p && (
          <>
            <div className="jx-grid jx-grid-4">
              <Card size="small">
                <Statistic
                  title={pick({ zh: '市下达目标', en: 'City target' })}
                  value={quantity(kind, p.district.target)}
                  suffix={kind === 'signedInvestment' ? undefined : p.unit}
                />
                <div className="jx-stat-foot jx-muted">
                  {target?.documentNo ?? pick({ zh: '尚未设定', en: 'Not set' })}
                </div>
              </Card>
              <Card size="small">
                <Statistic
                  title={pick({ zh: '分解合计', en: 'Allocated' })}
                  value={target ? quantity(kind, target.allocated) : '—'}
                  suffix={kind === 'signedInvestment' || !target ? undefined : p.unit}
                />
                <div className="jx-stat-foot">
                  {target && (
                    <Tag
                      color={
                        target.status === 'UNDER'
                          ? 'red'
                          : target.status === 'OVER'
                            ? 'blue'
                            : 'green'
                      }
                    >
                      {target.status === 'UNDER'
                        ? pick({ zh: '未分解完', en: 'Short' })
                        : target.status === 'OVER'
                          ? pick({ zh: '层层加压', en: 'With extra' })
                          : pick({ zh: '恰好分解', en: 'Exact' })}
                    </Tag>
                  )}
                  {target && (
                    <span className="jx-muted">
                      {pick({
                        zh: `${target.allocations.length} 个责任单位`,
                        en: `${target.allocations.length} units`,
                      })}
                    </span>
                  )}
                </div>
              </Card>
              <Card size="small">
                <Statistic
                  title={pick({
                    zh: `全区完成（截至${p.month}月末）`,
                    en: `District actual (month ${p.month})`,
                  })}
                  value={quantity(kind, p.district.actual)}
                  suffix={kind === 'signedInvestment' ? undefined : p.unit}
                />
                <div className="jx-stat-foot jx-muted">
                  {pick({
                    zh: '由招商项目库按达到日期统计',
                    en: 'Counted from the pipeline by date reached',
                  })}
                </div>
              </Card>
              <Card size="small">
                <Statistic
                  title={pick({ zh: '完成率', en: 'Completion' })}
                  value={percentText(p.district.rate)}
                />
                <div className="jx-stat-foot jx-muted">
                  {pick({
                    zh: `序时进度 ${p.timeProgress}%`,
                    en: `Time progress ${p.timeProgress}%`,
                  })}
                </div>
              </Card>
            </div>
            <div className="jx-grid jx-grid-2 jx-section">
              <Card
                size="small"
                title={pick({ zh: '各单位完成率排名', en: 'Ranking by completion' })}
              >
                {rankingOption && (
                  <EChart
                    option={rankingOption}
                    height={Math.max(320, p.units.length * 22 + 60)}
                    label={pick({ zh: '各单位完成率排名', en: 'Ranking' })}
                    testId="ranking-chart"
                  />
                )}
              </Card>
              <Card
                size="small"
                title={pick({ zh: '全区逐月完成情况', en: 'District month by month' })}
              >
                {monthlyOption && (
                  <EChart
                    option={monthlyOption}
                    height={320}
                    label={pick({ zh: '全区逐月完成情况', en: 'Monthly' })}
                    testId="monthly-chart"
                  />
                )}
              </Card>
            </div>
            <Card
              size="small"
              className="jx-section"
              title={pick({ zh: '任务分解与完成进度', en: 'Targets and progress by unit' })}
            >
              <Table<UnitProgress>
                size="small"
                rowKey="unitCode"
                dataSource={p.units}
                pagination={false}
                data-testid="decomposition-table"
                columns={[
                  {
                    title: pick({ zh: '排名', en: 'Rank' }),
                    dataIndex: 'rank',
                    width: 64,
                    align: 'center',
                  },
                  {
                    title: pick({ zh: '责任单位', en: 'Unit' }),
                    dataIndex: 'unitName',
                    render: (v: string, u) => (
                      <span>
                        {v}{' '}
                        {u.unitKind === 'subdistrict' ? (
                          <Tag>{pick({ zh: '街道', en: 'Sub-district' })}</Tag>
                        ) : (
                          <Tag color="geekblue">{pick({ zh: '部门', en: 'Dept' })}</Tag>
                        )}
                      </span>
                    ),
                  },
                  {
                    title: pick({ zh: '分解任务', en: 'Target' }),
                    dataIndex: 'target',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <span className="jx-num">{quantity(kind, v)}</span>,
                  },
                  {
                    title: pick({ zh: '完成', en: 'Actual' }),
                    dataIndex: 'actual',
                    align: 'right',
                    width: 150,
                    render: (v: string) => <span className="jx-num">{quantity(kind, v)}</span>,
                  },
                  {
                    title: pick({ zh: `${p.month}月新增`, en: `Month ${p.month}` }),
                    key: 'm',
                    align: 'right',
                    width: 110,
                    render: (_v, u) => (
                      <span className="jx-num">
                        {quantity(kind, u.monthly[u.monthly.length - 1] ?? null)}
                      </span>
                    ),
                  },
                  {
                    title: pick({ zh: '完成率', en: 'Rate' }),
                    dataIndex: 'rate',
                    align: 'right',
                    width: 100,
                    render: (v: string | null) => <span className="jx-num">{percentText(v)}</span>,
                  },
                  {
                    title: pick({ zh: '状态', en: 'Status' }),
                    dataIndex: 'status',
                    width: 130,
                    render: (s: UnitProgress['status']) => (
                      <Tag color={PROGRESS_STATUS[s].color}>{pick(PROGRESS_STATUS[s])}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </LoadState>
      {editing && (
        <AllocationDialog
          code={code}
          year={year}
          kind={kind}
          current={target}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            targets.reload();
            progress.reload();
          }}
        />
      )}
    </div>
  );
}

function AllocationDialog({
  code,
  year,
  kind,
  current,
  onClose,
  onSaved,
}: {
  code: string;
  year: number;
  kind: TargetKind;
  current: TargetView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const units = useApi<UnitRef[]>(`${deptBase(code)}/investment-units`);
  const [target, setTarget] = useState(current?.target ?? '');
  const [documentNo, setDocumentNo] = useState(current?.documentNo ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries((current?.allocations ?? []).map((a) => [a.unitCode, a.value])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const money = kind === 'signedInvestment';
  useEffect(() => setError(null), [target, values]);

  const save = async () => {
    setSaving(true);
    try {
      const allocations = Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([unitCode, value]) => ({ unitCode, value: value.trim() }));
      await api.put(
        `${deptBase(code)}/investment-targets/${kind}`,
        { target: target.trim(), documentNo: documentNo.trim() || null, allocations },
        { year },
      );
      void message.success(pick({ zh: '已保存任务分解', en: 'Saved' }));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={pick({
        zh: `${year}年${TARGET_KIND_LABEL[kind].zh}任务分解`,
        en: `${year} ${TARGET_KIND_LABEL[kind].en}: targets`,
      })}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      width={640}
      okText={pick({ zh: '保存', en: 'Save' })}
    >
      <Space wrap className="jx-section">
        <span>
          {pick({
            zh: `市下达目标${money ? '（万元）' : '（个）'}`,
            en: `City target${money ? ' (10k yuan)' : ''}`,
          })}
        </span>
        <Input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          style={{ width: 160 }}
          data-testid="alloc-target"
        />
        <span>{pick({ zh: '文号', en: 'Document' })}</span>
        <Input
          value={documentNo}
          onChange={(e) => setDocumentNo(e.target.value)}
          style={{ width: 200 }}
        />
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className="jx-section"
          data-testid="alloc-error"
        />
      )}
      <LoadState loading={units.loading && !units.data} error={units.error}>
        <div className="jx-inv-alloc">
          {(units.data ?? []).map((u) => (
            <label key={u.code} className="jx-inv-alloc-row">
              <span>{u.name}</span>
              {money ? (
                <Input
                  value={values[u.code] ?? ''}
                  onChange={(e) => setValues({ ...values, [u.code]: e.target.value })}
                  style={{ width: 140 }}
                  aria-label={u.name}
                />
              ) : (
                <InputNumber<number>
                  min={0}
                  precision={0}
                  value={
                    values[u.code] === undefined || values[u.code] === ''
                      ? null
                      : Number(values[u.code])
                  }
                  onChange={(v) => setValues({ ...values, [u.code]: v === null ? '' : String(v) })}
                  style={{ width: 100 }}
                  aria-label={u.name}
                />
              )}
            </label>
          ))}
        </div>
      </LoadState>
    </Modal>
  );
}
