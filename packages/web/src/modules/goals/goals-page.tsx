// 绩效目标: the department's and each project's goal set — 年度总体目标, the three-level indicator tree (from the
// indicator library or typed in), the lifecycle (draft → submitted → approved → locked) with its actions, checks
// from core before submission, and change requests once the targets are locked.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { CreateGoalDialog } from './create-goal-dialog.tsx';
import { GoalDetail } from './goal-detail.tsx';
import { GoalImportDialog } from './goal-import-dialog.tsx';
import { GoalList } from './goal-list.tsx';
import { allIndicators } from './goals-api.ts';
import { useGoalsPage } from './use-goals-page.ts';
import { DepartmentLinkagePanel } from '../linkage/linkage-panel.tsx';
import './goals.css';

type Page = ReturnType<typeof useGoalsPage>;

/** 新建绩效目标, disabled with the reason shown once the year has ended (goals come before the year). */
function CreateGoalButton({
  ended,
  year,
  onCreate,
}: {
  ended: boolean;
  year: number;
  onCreate: () => void;
}) {
  const { t } = useI18n();
  const reason = t('goals.createYearEnded', { year });
  return (
    <>
      {ended && (
        <Typography.Text type="secondary" data-testid="create-goal-reason">
          {reason}
        </Typography.Text>
      )}
      <Tooltip title={ended ? reason : undefined}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={onCreate}
          disabled={ended}
          data-testid="create-goal"
        >
          {t('goals.create')}
        </Button>
      </Tooltip>
    </>
  );
}

function GoalsHeader({
  page,
  onCreate,
  onImport,
}: {
  page: Page;
  onCreate: () => void;
  onImport: () => void;
}) {
  const code = useDeptCode();
  const { year, departmentName } = useWorkspace();
  const { t } = useI18n();
  return (
    <PageHeader
      title={t('goals.title')}
      sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
      extra={
        page.canEdit && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={onImport} data-testid="import-goals">
              {t('execution.import')}
            </Button>
            {(page.scopeOptions.length > 0 || page.listing.data?.yearEnded === true) && (
              <CreateGoalButton
                ended={page.listing.data?.yearEnded === true}
                year={year}
                onCreate={onCreate}
              />
            )}
          </Space>
        )
      }
    />
  );
}

function GoalsBody({ page }: { page: Page }) {
  const user = useUser();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const { goal, listing } = page;
  const errText = (e: unknown) =>
    e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e);
  return (
    <div className="jx-goals-grid">
      <GoalList goals={page.goals} activeId={goal?.id} onPick={page.setActiveId} />
      {goal && listing.data && (
        <GoalDetail
          key={goal.id}
          goal={goal}
          listing={listing.data}
          canEdit={page.canEdit}
          role={user.role}
          changeRequests={(page.crs.data ?? []).filter((c) =>
            allIndicators(goal).some((i) => i.id === c.indicatorId),
          )}
          onChanged={page.reload}
          notify={(s) => void message.success(s)}
          fail={(e) => void message.error(errText(e))}
        />
      )}
    </div>
  );
}

export function GoalsPage() {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const page = useGoalsPage();
  const { listing } = page;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <div className="jx-goals">
      <GoalsHeader
        page={page}
        onCreate={() => setCreating(true)}
        onImport={() => setImporting(true)}
      />
      {page.nextNotOpen !== null && (
        <Typography.Paragraph type="secondary" className="jx-section" data-testid="next-year-hint">
          {t('fiscal.nextNotOpen', { year: page.nextNotOpen })}
        </Typography.Paragraph>
      )}
      <DepartmentLinkagePanel code={code} year={year} />
      <LoadState
        loading={listing.loading && !listing.data}
        error={listing.error}
        reload={listing.reload}
        rows={10}
      >
        {page.goals.length === 0 ? (
          <Card>
            <EmptyState text={page.canEdit ? t('goals.emptyCreate') : t('goals.empty')} />
          </Card>
        ) : (
          <GoalsBody page={page} />
        )}
      </LoadState>
      <CreateGoalDialog
        open={creating}
        departmentCode={code}
        year={year}
        options={page.scopeOptions}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t('app.saved'));
          page.reload();
        }}
      />
      <GoalImportDialog
        open={importing}
        departmentCode={code}
        year={year}
        onClose={() => setImporting(false)}
        onImported={(text) => {
          setImporting(false);
          void message.success(text);
          page.reload();
        }}
      />
    </div>
  );
}
