// 预算执行: projects with their budgets and execution, the expenditure ledger, and the imports (ledger,
// budgets, indicator progress) with upload progress.
import { Card, Tabs } from 'antd';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ImportsTab } from './imports-tab.tsx';
import { LedgerTab } from './ledger-tab.tsx';
import { ProjectBudgetTable } from './project-budget-table.tsx';
import { useExecution } from './use-execution.ts';

function ProjectsTab({ x }: { x: ReturnType<typeof useExecution> }) {
  const { t } = useI18n();
  const { projects } = x;
  return (
    <Card size="small">
      <LoadState
        loading={projects.loading && !projects.data}
        error={projects.error}
        reload={projects.reload}
      >
        {x.projectRows.length === 0 ? (
          <EmptyState text={t('execution.empty')} />
        ) : (
          <ProjectBudgetTable rows={x.projectRows} totals={x.totals} />
        )}
      </LoadState>
    </Card>
  );
}

export function ExecutionPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  const x = useExecution();
  return (
    <div>
      <PageHeader
        title={t('execution.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
      />
      <Tabs
        items={[
          { key: 'projects', label: t('execution.projects'), children: <ProjectsTab x={x} /> },
          {
            key: 'ledger',
            label: t('execution.ledger'),
            children: <LedgerTab ledger={x.ledger} projects={x.projectRows} />,
          },
          {
            key: 'imports',
            label: t('execution.imports'),
            children: <ImportsTab x={x} canImport={canEnterData(user, code)} />,
          },
        ]}
      />
    </div>
  );
}
