// 招商项目库 (the investment bureau's business): the pipeline as a board and as a table, the target
// decomposition across departments and 街道, and the indicators that take their actual from these records.
import { Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import {
  deptBase,
  type InvestmentProject,
  type PipelineFilters,
  type UnitRef,
} from './investment-api.ts';
import { MetricsPanel } from './metrics-panel.tsx';
import { PipelineBoard } from './pipeline-board.tsx';
import { PipelineFilterBar } from './pipeline-filters.tsx';
import { ProjectDrawer } from './project-drawer.tsx';
import { ProjectTable } from './project-table.tsx';
import { TargetDecomposition } from './target-decomposition.tsx';
import './investment.css';

const VIEWS = ['board', 'table', 'targets', 'metrics'] as const;
type View = (typeof VIEWS)[number];

/** The shown tab, kept in ?view= so a link opens it. */
function useView(): [View, (v: View) => void] {
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'board';
  const setView = (v: View) =>
    setParams((p) => {
      p.set('view', v);
      return p;
    });
  return [view, setView];
}

function useInvestment() {
  const code = useDeptCode();
  const user = useUser();
  const [view, setView] = useView();
  const units = useApi<UnitRef[]>(`${deptBase(code)}/investment-units`);
  const [filters, setFilters] = useState<PipelineFilters>({});
  const [open, setOpen] = useState<InvestmentProject | null>(null);
  const [refresh, setRefresh] = useState(0);
  const bump = useCallback(() => setRefresh((n) => n + 1), []);
  const set = (patch: Partial<PipelineFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const canEdit = canEditDepartment(user, code);
  return {
    ...{ code, view, setView, units: units.data ?? [], filters, setFilters, set },
    ...{ open, setOpen, refresh, bump, canEdit },
  };
}

type State = ReturnType<typeof useInvestment>;

function PipelineTab({ s, table }: { s: State; table: boolean }) {
  const { year } = useWorkspace();
  return (
    <>
      <PipelineFilterBar
        filters={s.filters}
        set={s.set}
        units={s.units}
        year={year}
        withStage={s.view === 'table'}
      />
      {table ? (
        <ProjectTable
          code={s.code}
          filters={s.filters}
          canEdit={s.canEdit}
          onOpen={s.setOpen}
          refreshKey={s.refresh}
          onImported={s.bump}
        />
      ) : (
        <PipelineBoard
          code={s.code}
          filters={s.filters}
          onOpen={s.setOpen}
          refreshKey={s.refresh}
        />
      )}
    </>
  );
}

function tabsOf(s: State, year: number, pick: ReturnType<typeof useI18n>['pick']) {
  return [
    {
      key: 'board',
      label: pick({ zh: '项目看板', en: 'Board' }),
      children: <PipelineTab s={s} table={false} />,
    },
    {
      key: 'table',
      label: pick({ zh: '项目列表', en: 'List' }),
      children: <PipelineTab s={s} table />,
    },
    {
      key: 'targets',
      label: pick({ zh: '任务分解', en: 'Targets' }),
      children: <TargetDecomposition code={s.code} year={year} canEdit={s.canEdit} />,
    },
    {
      key: 'metrics',
      label: pick({ zh: '指标实时取数', en: 'Live indicators' }),
      children: (
        <MetricsPanel
          code={s.code}
          year={year}
          onShowProjects={(f) => {
            s.setFilters(f);
            s.setView('table');
          }}
        />
      ),
    },
  ];
}

export function InvestmentPage() {
  const { year, departmentName } = useWorkspace();
  const { pick } = useI18n();
  const s = useInvestment();
  return (
    <div className="jx-inv">
      <PageHeader
        title={pick({ zh: '招商项目库', en: 'Investment pipeline' })}
        sub={`${departmentName(s.code)} · ${year}${pick({ zh: '年度', en: '' })}`}
      />
      <Tabs
        activeKey={s.view}
        onChange={(k) => s.setView(k as View)}
        items={tabsOf(s, year, pick)}
      />
      <ProjectDrawer
        code={s.code}
        project={s.open}
        canEdit={s.canEdit}
        onClose={() => s.setOpen(null)}
        onChanged={(p) => {
          s.setOpen(p);
          s.bump();
        }}
      />
    </div>
  );
}
