// The score sheet of one evaluation: every 三级 indicator with its 评分标准, the input by rule type, 扣分理由 and
// 佐证材料, scored live by core (the server's own function) with the running total and grade; the findings (问题 +
// 建议); the workflow buttons (启动评分, 保存评分, 提交评价, 退回, 审定结论) and the report downloads.
import { App, Button, Drawer, Input, Radio, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { scoreExtEvalSheet, type ExtEvalInput } from '@jixiao/core/external-evaluation/index';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import {
  DIMENSION_TEXT,
  STATUS_COLOR,
  evalPath,
  type ExtEvalDetail,
  type ExtEvalInputValue,
  type ExtEvalRow,
} from './ext-eval-api.ts';
import { IndicatorInput } from './ext-eval-inputs.tsx';
import { FindingsEditor, type Finding } from './ext-eval-findings.tsx';

interface Edit {
  input: ExtEvalInputValue | null;
  deductionReason: string;
  evidence: string;
}

type Formula = ExtEvalDetail['executionFormula'];

function editsOf(d: ExtEvalDetail): Record<number, Edit> {
  return Object.fromEntries(
    d.indicators.map((r) => [
      r.position,
      { input: r.input, deductionReason: r.deductionReason, evidence: r.evidence.join('；') },
    ]),
  );
}

function useLive(d: ExtEvalDetail | undefined, edits: Record<number, Edit>, formula: Formula) {
  return useMemo(() => {
    if (!d) {
      return null;
    }
    return scoreExtEvalSheet(
      d.indicators.map((r) => ({
        def: {
          dimension: r.dimension,
          maxScore: r.maxScore,
          rule: r.rule,
          ...(r.metric ? { metric: r.metric } : {}),
        },
        input: (edits[r.position]?.input ?? null) as ExtEvalInput | null,
        deductionReason: edits[r.position]?.deductionReason ?? '',
      })),
      formula,
    );
  }, [d, edits, formula]);
}

function SheetTable({
  d,
  edits,
  setEdit,
  live,
  editable,
}: {
  d: ExtEvalDetail;
  edits: Record<number, Edit>;
  setEdit: (pos: number, e: Partial<Edit>) => void;
  live: ReturnType<typeof useLive>;
  editable: boolean;
}) {
  return (
    <Table<ExtEvalRow>
      size="small"
      rowKey="position"
      dataSource={d.indicators}
      pagination={false}
      data-testid="ext-eval-sheet"
      columns={[
        { title: '一级', width: 56, render: (_, r) => DIMENSION_TEXT[r.dimension] },
        { title: '二级', dataIndex: 'level2', width: 80 },
        {
          title: '三级指标 / 评分标准',
          render: (_, r) => (
            <div>
              <strong>{r.name}</strong>（{r.maxScore} 分）
              <div className="jx-muted" style={{ fontSize: 12 }}>
                {r.criterion}
              </div>
            </div>
          ),
        },
        {
          title: '评分输入',
          width: 260,
          render: (_, r) => (
            <IndicatorInput
              row={r}
              value={edits[r.position]?.input ?? null}
              disabled={!editable}
              onChange={(input) => setEdit(r.position, { input })}
            />
          ),
        },
        {
          title: '得分',
          width: 90,
          align: 'right',
          render: (_, r, i) => {
            const res = live?.rows[i];
            return (
              <span data-testid={`ext-eval-score-${r.position}`}>
                {res?.score ?? '—'}
                {res?.issue && res.issue !== 'INPUT_MISSING' && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    待完善
                  </Tag>
                )}
              </span>
            );
          },
        },
        {
          title: '扣分理由 / 佐证材料',
          width: 220,
          render: (_, r) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Input.TextArea
                rows={1}
                aria-label={`扣分理由 ${r.name}`}
                placeholder="扣分理由"
                disabled={!editable}
                value={edits[r.position]?.deductionReason ?? ''}
                onChange={(e) => setEdit(r.position, { deductionReason: e.target.value })}
              />
              <Input
                size="small"
                aria-label={`佐证材料 ${r.name}`}
                placeholder="佐证材料（以；分隔）"
                disabled={!editable}
                value={edits[r.position]?.evidence ?? ''}
                onChange={(e) => setEdit(r.position, { evidence: e.target.value })}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}

function Actions({
  d,
  busy,
  run,
  save,
}: {
  d: ExtEvalDetail;
  busy: boolean;
  run: (path: string, body?: unknown) => void;
  save: (then?: string) => void;
}) {
  const [opinion, setOpinion] = useState('');
  const report = (f: 'docx' | 'pdf') =>
    void downloadFile(`${evalPath(d.id)}/report`, { format: f }, `绩效评价报告.${f}`);
  return (
    <Space wrap>
      {d.canManage && d.status === 'draft' && (
        <Button type="primary" loading={busy} onClick={() => run('start')}>
          启动评分
        </Button>
      )}
      {d.canScore && (
        <Button loading={busy} onClick={() => save()}>
          保存评分
        </Button>
      )}
      {d.canScore && (
        <Button type="primary" loading={busy} onClick={() => save('submit')}>
          提交评价
        </Button>
      )}
      {d.canManage && d.status === 'submitted' && (
        <>
          <Input
            style={{ width: 240 }}
            aria-label="审定意见"
            placeholder="审定 / 退回意见"
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
          <Button loading={busy} onClick={() => run('return', { opinion })}>
            退回重新评分
          </Button>
          <Button type="primary" loading={busy} onClick={() => run('conclude', { opinion })}>
            审定结论
          </Button>
        </>
      )}
      {(d.status === 'submitted' || d.status === 'concluded') && (
        <>
          <Button onClick={() => report('docx')}>绩效评价报告 .docx</Button>
          <Button onClick={() => report('pdf')}>.pdf</Button>
        </>
      )}
    </Space>
  );
}

export function ExtEvalSheetDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const detail = useApi<ExtEvalDetail>(id ? evalPath(id) : null);
  const d = detail.data;
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [formula, setFormula] = useState<Formula>('byAvailable');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (d) {
      setEdits(editsOf(d));
      setFormula(d.executionFormula);
      setFindings(d.findings);
    }
  }, [d]);
  const live = useLive(d, edits, formula);
  const setEdit = (pos: number, e: Partial<Edit>) =>
    setEdits((all) => ({ ...all, [pos]: { ...all[pos]!, ...e } }));
  const after = (next: ExtEvalDetail) => {
    detail.setData(next);
    onChanged();
  };
  const run = (path: string, body?: unknown) => {
    setBusy(true);
    api
      .post<ExtEvalDetail>(`${evalPath(d!.id)}/${path}`, body)
      .then(after)
      .catch((e: unknown) => void message.error((e as Error).message))
      .finally(() => setBusy(false));
  };
  const save = (then?: string) => {
    setBusy(true);
    const rows = d!.indicators.map((r) => ({
      position: r.position,
      input: edits[r.position]?.input ?? null,
      deductionReason: edits[r.position]?.deductionReason ?? '',
      evidence: (edits[r.position]?.evidence ?? '')
        .split(/[；;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    }));
    api
      .put<ExtEvalDetail>(`${evalPath(d!.id)}/sheet`, { executionFormula: formula, rows, findings })
      .then((next) => {
        after(next);
        void message.success('已保存');
        if (then) {
          run(then);
        }
      })
      .catch((e: unknown) => void message.error((e as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={1200}
      title={d ? `${d.objectName} · 绩效评价评分表` : '绩效评价'}
      data-testid="ext-eval-drawer"
    >
      <LoadState loading={detail.loading && !d} error={detail.error} reload={detail.reload}>
        {d && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space size="large" wrap>
              <Tag color={STATUS_COLOR[d.status]}>{d.statusText}</Tag>
              <span>{d.departmentName}</span>
              <span>评价人：{d.evaluatorName}</span>
              <Statistic
                title="合计得分"
                value={live?.total ?? d.runningTotal}
                data-testid="ext-eval-total"
              />
              <span>
                等级：
                <GradeTag grade={live?.grade ?? d.grade} />
              </span>
              <span>
                预算执行率口径：
                <Radio.Group
                  size="small"
                  value={formula}
                  disabled={!d.canScore}
                  onChange={(e) => setFormula(e.target.value as Formula)}
                  options={[
                    { value: 'byAvailable', label: '÷ 实际到位资金' },
                    { value: 'byAdjustedBudget', label: '÷ 调整后预算数' },
                  ]}
                />
              </span>
            </Space>
            {d.warnings.map((w) => (
              <Tag color="orange" key={w}>
                {w}
              </Tag>
            ))}
            <Actions d={d} busy={busy} run={run} save={save} />
            <SheetTable d={d} edits={edits} setEdit={setEdit} live={live} editable={d.canScore} />
            <FindingsEditor value={findings} onChange={setFindings} editable={d.canScore} />
            {d.conclusionOpinion && <p>意见：{d.conclusionOpinion}</p>}
          </Space>
        )}
      </LoadState>
    </Drawer>
  );
}
