// 任务分解 (招商一盘棋): the city's target, its split across the district's departments and 18 街道, each
// unit's progress through a month (counted from the pipeline by responsible unit and month reached),
// the ranking against 序时进度, and the district's month-by-month curve. The bureau edits the split.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EChart } from '../../ui/echart.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { AllocationDialog } from './allocation-dialog.tsx';
import { monthlyOption, rankingOption } from './decomposition-charts.ts';
import { DecompositionStats } from './decomposition-stats.tsx';
import { DecompositionTable } from './decomposition-table.tsx';
import {
  deptBase,
  TARGET_KIND_LABEL,
  TARGET_KINDS,
  type Decomposition,
  type TargetKind,
  type TargetView,
} from './investment-api.ts';

function useDecomposition(code: string, year: number) {
  const [kind, setKind] = useState<TargetKind>('negotiatedKeyProjects');
  const [month, setMonth] = useState<number | undefined>(undefined);
  const base = `${deptBase(code)}/investment-targets`;
  const targets = useApi<TargetView[]>(base, { year });
  const progress = useApi<Decomposition>(`${base}/${kind}/progress`, { year, month });
  const target = targets.data?.find((t) => t.kind === kind) ?? null;
  return { kind, setKind, month, setMonth, targets, progress, target };
}

type State = ReturnType<typeof useDecomposition>;

function Toolbar({ s, canEdit, onEdit }: { s: State; canEdit: boolean; onEdit: () => void }) {
  const { pick } = useI18n();
  return (
    <div className="jx-table-tools">
      <Space wrap>
        <Segmented<TargetKind>
          value={s.kind}
          onChange={(v) => s.setKind(v)}
          options={TARGET_KINDS.map((k) => ({ value: k, label: pick(TARGET_KIND_LABEL[k]) }))}
          data-testid="target-kind"
        />
        <Select
          aria-label={pick({ zh: '统计到', en: 'Through month' })}
          style={{ width: 140 }}
          value={s.month ?? s.progress.data?.month}
          onChange={(v: number) => s.setMonth(v)}
          options={Array.from({ length: 12 }, (_x, i) => ({
            value: i + 1,
            label: pick({ zh: `截至${i + 1}月末`, en: `Through month ${i + 1}` }),
          }))}
        />
      </Space>
      {canEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-allocation">
          {pick({ zh: '设定任务与分解', en: 'Set targets' })}
        </Button>
      )}
    </div>
  );
}

function DecompositionCharts({ p }: { p: Decomposition }) {
  const { pick, lang } = useI18n();
  const ranking = useMemo(() => rankingOption(p, pick), [p, pick]);
  const monthly = useMemo(() => monthlyOption(p, pick, lang), [p, pick, lang]);
  return (
    <div className="jx-grid jx-grid-2 jx-section">
      <Card size="small" title={pick({ zh: '各单位完成率排名', en: 'Ranking by completion' })}>
        <EChart
          option={ranking}
          height={Math.max(320, p.units.length * 22 + 60)}
          label={pick({ zh: '各单位完成率排名', en: 'Ranking' })}
          testId="ranking-chart"
        />
      </Card>
      <Card size="small" title={pick({ zh: '全区逐月完成情况', en: 'District month by month' })}>
        <EChart
          option={monthly}
          height={320}
          label={pick({ zh: '全区逐月完成情况', en: 'Monthly' })}
          testId="monthly-chart"
        />
      </Card>
    </div>
  );
}

function DecompositionBody({ s, p }: { s: State; p: Decomposition }) {
  const { pick } = useI18n();
  return (
    <>
      <DecompositionStats kind={s.kind} p={p} target={s.target} />
      <DecompositionCharts p={p} />
      <Card
        size="small"
        className="jx-section"
        title={pick({ zh: '任务分解与完成进度', en: 'Targets and progress by unit' })}
      >
        <DecompositionTable kind={s.kind} month={p.month} units={p.units} />
      </Card>
    </>
  );
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
  const s = useDecomposition(code, year);
  const { targets, progress } = s;
  const p = progress.data;
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="target-decomposition">
      <Toolbar s={s} canEdit={canEdit} onEdit={() => setEditing(true)} />
      <LoadState
        loading={(progress.loading && !p) || (targets.loading && !targets.data)}
        error={progress.error ?? targets.error}
        reload={progress.reload}
      >
        {p && <DecompositionBody s={s} p={p} />}
      </LoadState>
      {editing && (
        <AllocationDialog
          code={code}
          year={year}
          kind={s.kind}
          current={s.target}
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
