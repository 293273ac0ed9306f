// 招商项目库 (the investment bureau's business): the pipeline as a board and as a table, the target
// decomposition across departments and 街道, and the indicators that take their actual from these records.
import { Input, Select, Space, Tabs, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PIPELINE_STAGES, STAGE_LABEL } from '@jixiao/core/investment/index';
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
  type PipelineStage,
  type UnitRef,
} from './investment-api.ts';
import { MetricsPanel } from './metrics-panel.tsx';
import { PipelineBoard } from './pipeline-board.tsx';
import { ProjectDrawer } from './project-drawer.tsx';
import { ProjectTable } from './project-table.tsx';
import { TargetDecomposition } from './target-decomposition.tsx';
import './investment.css';

const VIEWS = ['board', 'table', 'targets', 'metrics'] as const;
type View = (typeof VIEWS)[number];

export function InvestmentPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'board';
  const setView = (v: View) =>
    setParams((p) => {
      p.set('view', v);
      return p;
    });
  const canEdit = canEditDepartment(user, code);
  const units = useApi<UnitRef[]>(`${deptBase(code)}/investment-units`);
  const [filters, setFilters] = useState<PipelineFilters>({});
  const [open, setOpen] = useState<InvestmentProject | null>(null);
  const [refresh, setRefresh] = useState(0);
  const bump = useCallback(() => setRefresh((n) => n + 1), []);
  const set = (patch: Partial<PipelineFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const reached = filters.reachedStage
    ? `${pick(STAGE_LABEL[filters.reachedStage])} ${filters.reachedFrom ?? ''}–${filters.reachedTo ?? ''}`
    : null;

  const filterBar = (
    <Space wrap className="jx-inv-filters">
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={pick({ zh: '重点/非重点', en: 'Key or not' })}
        aria-label={pick({ zh: '重点项目', en: 'Key projects' })}
        value={filters.key}
        onChange={(v: 'true' | 'false' | undefined) => set({ key: v })}
        options={[
          { value: 'true', label: pick({ zh: '重点项目', en: 'Key projects' }) },
          { value: 'false', label: pick({ zh: '非重点项目', en: 'Other projects' }) },
        ]}
        data-testid="filter-key"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
        placeholder={pick({ zh: '责任单位', en: 'Responsible unit' })}
        aria-label={pick({ zh: '责任单位', en: 'Responsible unit' })}
        value={filters.unit}
        onChange={(v: string | undefined) => set({ unit: v })}
        options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
      />
      {view === 'table' && (
        <Select<PipelineStage[]>
          mode="multiple"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={pick({ zh: '当前阶段', en: 'Stage' })}
          aria-label={pick({ zh: '当前阶段', en: 'Stage' })}
          value={filters.stage}
          onChange={(v) => set({ stage: v })}
          options={PIPELINE_STAGES.map((s) => ({ value: s, label: pick(STAGE_LABEL[s]) }))}
        />
      )}
      <Select
        allowClear
        style={{ width: 170 }}
        placeholder={pick({ zh: '全部年度', en: 'All years' })}
        aria-label={pick({ zh: '年度', en: 'Year' })}
        value={filters.year}
        onChange={(v: number | undefined) => set({ year: v })}
        options={[
          { value: year, label: pick({ zh: `${year}年有推进的项目`, en: `Active in ${year}` }) },
        ]}
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={pick({ zh: '编号、名称或投资方', en: 'Code, name or investor' })}
        onSearch={(q) => set({ q })}
        aria-label={pick({ zh: '搜索', en: 'Search' })}
      />
      {reached && (
        <Tag
          closable
          onClose={() =>
            set({ reachedStage: undefined, reachedFrom: undefined, reachedTo: undefined })
          }
          color="blue"
        >
          {pick({ zh: `达到「${reached}」`, en: `Reached ${reached}` })}
        </Tag>
      )}
    </Space>
  );

  return (
    <div className="jx-inv">
      <PageHeader
        title={pick({ zh: '招商项目库', en: 'Investment pipeline' })}
        sub={`${departmentName(code)} · ${year}${pick({ zh: '年度', en: '' })}`}
      />
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={[
          {
            key: 'board',
            label: pick({ zh: '项目看板', en: 'Board' }),
            children: (
              <>
                {filterBar}
                <PipelineBoard
                  code={code}
                  filters={filters}
                  onOpen={setOpen}
                  refreshKey={refresh}
                />
              </>
            ),
          },
          {
            key: 'table',
            label: pick({ zh: '项目列表', en: 'List' }),
            children: (
              <>
                {filterBar}
                <ProjectTable
                  code={code}
                  filters={filters}
                  canEdit={canEdit}
                  onOpen={setOpen}
                  refreshKey={refresh}
                  onImported={bump}
                />
              </>
            ),
          },
          {
            key: 'targets',
            label: pick({ zh: '任务分解', en: 'Targets' }),
            children: <TargetDecomposition code={code} year={year} canEdit={canEdit} />,
          },
          {
            key: 'metrics',
            label: pick({ zh: '指标实时取数', en: 'Live indicators' }),
            children: (
              <MetricsPanel
                code={code}
                year={year}
                onShowProjects={(f) => {
                  setFilters(f);
                  setView('table');
                }}
              />
            ),
          },
        ]}
      />
      <ProjectDrawer
        code={code}
        project={open}
        canEdit={canEdit}
        onClose={() => setOpen(null)}
        onChanged={(p) => {
          setOpen(p);
          bump();
        }}
      />
    </div>
  );
}
