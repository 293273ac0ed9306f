// 绩效目标: the department's and each project's goal set — 年度总体目标, the three-level indicator tree (from the
// indicator library or typed in), the lifecycle (draft → submitted → approved → locked) with its actions, checks
// from core before submission, and change requests once the targets are locked.
import {
  goalSetRulesFrom,
  validateGoalSet,
  type GoalSetIssue,
} from '@jixiao/core/indicators/index';
import type { Level1, Operator } from '@jixiao/core/scoring/index';
import { defaultPreset } from '@jixiao/core/scoring/index';
import type { IndicatorLevel2 } from '@jixiao/core/indicators/index';
import {
  BookOutlined,
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  App,
  Alert,
  Badge,
  Button,
  Card,
  Empty,
  Input,
  List,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEnterData } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { CommentDialog } from '../../ui/comment-dialog.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { ChangeRequestDialog } from './change-request-dialog.tsx';
import {
  allIndicators,
  goalsApi,
  listOf,
  type ChangeRequestView,
  type GoalListing,
  type GoalView,
  type IndicatorInput,
  type IndicatorView,
} from './goals-api.ts';
import { CreateGoalDialog, type GoalScopeOption } from './create-goal-dialog.tsx';
import { IndicatorForm } from './indicator-form.tsx';
import { LibraryDrawer } from './library-drawer.tsx';
import './goals.css';

const FLOW = ['draft', 'submitted', 'deptApproved', 'approved', 'locked'] as const;

interface Row {
  key: string;
  ind: IndicatorView;
  l1Label: string;
  l1Weight: string;
  l1Span: number;
  l2Label: string;
  l2Span: number;
}

function rowsOf(g: GoalView): Row[] {
  const rows: Row[] = [];
  for (const l1 of g.tree) {
    const l1Count = l1.groups.reduce((n, x) => n + x.indicators.length, 0);
    l1.groups.forEach((l2, gi) => {
      l2.indicators.forEach((ind, ii) => {
        rows.push({
          key: ind.id,
          ind,
          l1Label: l1.label,
          l1Weight: l1.weight,
          l1Span: gi === 0 && ii === 0 ? l1Count : 0,
          l2Label: l2.label,
          l2Span: ii === 0 ? l2.indicators.length : 0,
        });
      });
    });
  }
  return rows;
}

export function GoalsPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, years, departmentName, fiscalYears } = useWorkspace();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  // planning a new year: it appears in the year picker once the finance bureau opened it
  const lastOpened = Math.max(0, ...(fiscalYears?.years ?? []).map((y) => y.year));
  const nextNotOpen =
    canEnterData(user, code) &&
    fiscalYears !== undefined &&
    year === years[0] &&
    lastOpened >= year &&
    lastOpened + 1 <= fiscalYears.maxYear
      ? lastOpened + 1
      : null;
  const listing = useApi<GoalListing>(`/api/departments/${encodeURIComponent(code)}/goals`, {
    year,
  });
  const crs = useApi<ChangeRequestView[] | { changeRequests: ChangeRequestView[] }>(
    `/api/departments/${encodeURIComponent(code)}/change-requests`,
    { year },
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const projects = useApi<unknown>(
    canEnterData(user, code) ? `/api/departments/${encodeURIComponent(code)}/projects` : null,
    { year },
  );
  const goals = listing.data?.goals ?? [];
  const scopeOptions = useMemo<GoalScopeOption[]>(() => {
    const taken = new Set(goals.map((g) => g.projectId ?? ''));
    const opts: GoalScopeOption[] = taken.has('')
      ? []
      : [{ value: '', label: t('eval.department') }];
    const list = Array.isArray(projects.data)
      ? (projects.data as { id?: unknown; code?: unknown; name?: unknown }[])
      : [];
    for (const p of list) {
      // a project can get its goal set only when the API gives its id
      if (typeof p.id === 'string' && !taken.has(p.id)) {
        opts.push({ value: p.id, label: `${String(p.code ?? '')} ${String(p.name ?? '')}` });
      }
    }
    return opts;
  }, [goals, projects.data, t]);
  const goal = goals.find((g) => g.id === activeId) ?? goals[0] ?? null;

  useEffect(() => setActiveId(null), [code, year]);

  const reload = () => {
    listing.reload();
    crs.reload();
  };
  const errText = (e: unknown) =>
    e instanceof ApiError ? e.localized(lang) : e instanceof Error ? e.message : String(e);

  return (
    <div className="jx-goals">
      <PageHeader
        title={t('goals.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          canEnterData(user, code) &&
          scopeOptions.length > 0 && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-goal"
            >
              {t('goals.create')}
            </Button>
          )
        }
      />
      {nextNotOpen !== null && (
        <Typography.Paragraph type="secondary" className="jx-section" data-testid="next-year-hint">
          {t('fiscal.nextNotOpen', { year: nextNotOpen })}
        </Typography.Paragraph>
      )}
      <LoadState
        loading={listing.loading && !listing.data}
        error={listing.error}
        reload={listing.reload}
        rows={10}
      >
        {goals.length === 0 ? (
          <Card>
            <EmptyState
              text={canEnterData(user, code) ? t('goals.emptyCreate') : t('goals.empty')}
            />
          </Card>
        ) : (
          <div className="jx-goals-grid">
            <Card size="small" className="jx-goals-list" title={t('goals.sets')}>
              <nav aria-label={t('goals.sets')}>
                <ul>
                  {goals.map((g) => (
                    <li key={g.id}>
                      <button
                        type="button"
                        className={`jx-goal-item${goal?.id === g.id ? ' active' : ''}`}
                        onClick={() => setActiveId(g.id)}
                        aria-current={goal?.id === g.id}
                      >
                        <span className="jx-goal-item-name">
                          {g.scope === 'department'
                            ? t('eval.department')
                            : (g.projectName ?? g.projectCode)}
                        </span>
                        <span className="jx-goal-item-meta">
                          <StatusTag status={g.status} />
                          {g.pendingChangeRequests > 0 && (
                            <Badge
                              count={g.pendingChangeRequests}
                              title={t('goals.changeRequests')}
                            />
                          )}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </nav>
            </Card>
            {goal && listing.data && (
              <GoalDetail
                key={goal.id}
                goal={goal}
                listing={listing.data}
                canEdit={canEnterData(user, code)}
                role={user.role}
                changeRequests={listOf(crs.data, 'changeRequests').filter((c) =>
                  allIndicators(goal).some((i) => i.id === c.indicatorId),
                )}
                onChanged={reload}
                notify={(s) => void message.success(s)}
                fail={(e) => void message.error(errText(e))}
              />
            )}
          </div>
        )}
      </LoadState>
      <CreateGoalDialog
        open={creating}
        departmentCode={code}
        year={year}
        options={scopeOptions}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t('app.saved'));
          reload();
        }}
      />
    </div>
  );
}

function GoalDetail({
  goal,
  listing,
  canEdit,
  role,
  changeRequests,
  onChanged,
  notify,
  fail,
}: {
  goal: GoalView;
  listing: GoalListing;
  canEdit: boolean;
  role: string;
  changeRequests: ChangeRequestView[];
  onChanged: () => void;
  notify: (s: string) => void;
  fail: (e: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const editable = canEdit && goal.editable;
  const [text, setText] = useState(goal.targetText);
  const [form, setForm] = useState<{
    mode: 'add' | 'edit';
    initial: Partial<IndicatorInput> | null;
    id?: string;
  } | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [changeFor, setChangeFor] = useState<IndicatorView | null>(null);
  const [dialog, setDialog] = useState<
    null | 'return' | 'approve' | { decide: ChangeRequestView; decision: 'approve' | 'reject' }
  >(null);
  const [submitIssues, setSubmitIssues] = useState<GoalSetIssue[] | null>(null);
  const [busy, setBusy] = useState(false);

  const issues = useMemo(() => {
    const rules = {
      ...goalSetRulesFrom(defaultPreset().rules),
      indicatorWeightTotal: listing.indicatorWeightTotal,
      budgetWeight: listing.budgetWeight,
    };
    return validateGoalSet(
      {
        targetText: text,
        indicators: allIndicators(goal).map((i) => ({
          id: i.id,
          level1: i.level1 as Level1,
          level2: i.level2 as IndicatorLevel2,
          name: i.name,
          operator: i.operator as Operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
          targetBasis: i.targetBasis,
        })),
      },
      rules,
    );
  }, [goal, text, listing]);

  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      notify(ok);
      onChanged();
    } catch (e) {
      if (
        e instanceof ApiError &&
        Array.isArray((e.details as { issues?: unknown } | undefined)?.issues)
      ) {
        setSubmitIssues((e.details as { issues: GoalSetIssue[] }).issues);
      }
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const stepIndex =
    goal.status === 'returned' ? 0 : FLOW.indexOf(goal.status as (typeof FLOW)[number]);
  const flow: readonly string[] = listing.financeApprovalRequired
    ? FLOW
    : FLOW.filter((s) => s !== 'deptApproved');
  const canDeptApprove = role === 'deptHead' && goal.status === 'submitted';
  const canFinanceApprove = role === 'financeReviewer' && goal.status === 'deptApproved';
  const shownIssues = submitIssues ?? issues;

  const columns: TableColumnsType<Row> = [
    {
      title: t('eval.level1'),
      dataIndex: 'l1Label',
      width: 96,
      onCell: (r) => ({ rowSpan: r.l1Span }),
      render: (v: string, r) => (
        <span className="jx-goal-l1">
          {v}
          <br />
          <span className="jx-muted">（{r.l1Weight}）</span>
        </span>
      ),
    },
    {
      title: t('eval.level2'),
      dataIndex: 'l2Label',
      width: 110,
      onCell: (r) => ({ rowSpan: r.l2Span }),
    },
    {
      title: t('eval.level3'),
      key: 'name',
      render: (_v, r) => (
        <span>
          {r.ind.name}
          {r.ind.metricKey && (
            <Tooltip title={r.ind.metricKey}>
              <Tag color="cyan" style={{ marginLeft: 6 }}>
                {t('eval.auto')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t('eval.target'),
      key: 'target',
      width: 150,
      render: (_v, r) => {
        const approved = r.ind.changes.filter(
          (c) => c.status === 'approved' && c.field === 'target',
        );
        const pending = r.ind.changes.filter(
          (c) => c.status === 'pending' || c.status === 'deptApproved',
        );
        return (
          <span className="jx-num">
            {r.ind.operatorSymbol}
            {r.ind.target} {r.ind.unit}
            {approved.length > 0 && (
              <Tooltip title={`${t('goals.originally')} ${approved[0]?.originalValue ?? ''}`}>
                <Tag color="purple" style={{ marginLeft: 4 }}>
                  △
                </Tag>
              </Tooltip>
            )}
            {pending.length > 0 && (
              <Tooltip title={pending.map((c) => `${c.originalValue} → ${c.newValue}`).join('；')}>
                <Tag color="gold" style={{ marginLeft: 4 }}>
                  {t('status.pending')}
                </Tag>
              </Tooltip>
            )}
          </span>
        );
      },
    },
    { title: t('eval.weight'), dataIndex: ['ind', 'weight'], width: 64, align: 'center' },
    {
      title: t('goals.targetBasis'),
      dataIndex: ['ind', 'targetBasis'],
      width: 90,
      responsive: ['xl'],
      render: (v: string | null) => (v ? t(`goals.basis.${v}` as MessageKey) : '—'),
    },
    {
      title: t('goals.dataSource'),
      dataIndex: ['ind', 'dataSource'],
      width: 150,
      ellipsis: true,
      responsive: ['xxl'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 76,
      align: 'center',
      render: (_v, r) =>
        editable ? (
          <Space size={4}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t('app.edit')} ${r.ind.name}`}
              onClick={() =>
                setForm({
                  mode: 'edit',
                  id: r.ind.id,
                  initial: {
                    level1: r.ind.level1,
                    level2: r.ind.level2,
                    name: r.ind.name,
                    operator: r.ind.operator,
                    target: r.ind.target,
                    unit: r.ind.unit,
                    weight: r.ind.weight,
                    targetBasis: r.ind.targetBasis,
                    dataSource: r.ind.dataSource,
                  },
                })
              }
            />
            <Popconfirm
              title={t('goals.confirmDelete')}
              onConfirm={() => void run(() => goalsApi.deleteIndicator(r.ind.id), t('app.saved'))}
              okText={t('app.delete')}
              cancelText={t('app.cancel')}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('app.delete')} ${r.ind.name}`}
              />
            </Popconfirm>
          </Space>
        ) : canEdit && (goal.status === 'approved' || goal.status === 'locked') ? (
          <Tooltip title={t('goals.requestChangeShort')}>
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => setChangeFor(r.ind)}
              aria-label={`${t('goals.requestChangeShort')} ${r.ind.name}`}
            />
          </Tooltip>
        ) : null,
    },
  ];

  const hasActions =
    editable || (canEdit && (goal.status === 'approved' || goal.status === 'locked'));
  const shownColumns = hasActions ? columns : columns.filter((c) => c.key !== 'actions');
  const toDecide = changeRequests.filter(
    (c) =>
      (role === 'deptHead' && c.status === 'pending') ||
      (role === 'financeReviewer' && c.status === 'deptApproved'),
  );

  return (
    <div className="jx-goal-detail">
      {toDecide.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="jx-goal-todo"
          message={t('goals.toDecide', { n: toDecide.length })}
          action={
            <Button
              size="small"
              onClick={() =>
                document
                  .getElementById('jx-change-requests')
                  ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
              }
            >
              {t('app.view')}
            </Button>
          }
        />
      )}
      <Card
        size="small"
        title={
          <span>
            {goal.scope === 'department' ? t('eval.department') : goal.projectName}{' '}
            <StatusTag status={goal.status} />
          </span>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy}
                onClick={() => void run(() => goalsApi.submit(goal.id, {}), t('goals.submitted'))}
                data-testid="goal-submit"
              >
                {t('goals.submitGoals')}
              </Button>
            )}
            {(canDeptApprove || canFinanceApprove) && (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
                  {t('goals.returnGoals')}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => setDialog('approve')}
                >
                  {t('goals.approve')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Steps
          size="small"
          current={Math.max(0, flow.indexOf(FLOW[stepIndex] ?? 'draft'))}
          status={goal.status === 'returned' ? 'error' : undefined}
          items={flow.map((s) => ({ title: t(`status.${s}` as MessageKey) }))}
          className="jx-goal-steps"
        />
        {!goal.editable && canEdit && (
          <Alert type="info" showIcon message={t('goals.editLocked')} className="jx-section" />
        )}
        <div className="jx-section">
          <div className="jx-goal-label">{t('goals.goalText')}</div>
          {editable ? (
            <Space.Compact style={{ width: '100%' }} className="jx-goal-text-edit">
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoSize={{ minRows: 2, maxRows: 6 }}
                aria-label={t('goals.goalText')}
                maxLength={2000}
              />
              <Button
                disabled={text === goal.targetText || text.trim() === ''}
                onClick={() =>
                  void run(() => goalsApi.updateText(goal.id, text.trim()), t('app.saved'))
                }
              >
                {t('app.save')}
              </Button>
            </Space.Compact>
          ) : (
            <p className="jx-goal-text">{goal.targetText || '—'}</p>
          )}
          {goal.actualText && (
            <>
              <div className="jx-goal-label">{t('eval.achieved')}</div>
              <p className="jx-goal-text">{goal.actualText}</p>
            </>
          )}
        </div>
      </Card>

      <Card
        size="small"
        className="jx-section"
        title={
          <span>
            {t('goals.indicatorTree')}{' '}
            <span className="jx-muted">
              {t('goals.weightSum')} {goal.weightTotal} / {listing.indicatorWeightTotal}（
              {t('goals.plusBudget', { w: listing.budgetWeight })}）
            </span>
          </span>
        }
        extra={
          editable && (
            <Space>
              <Button icon={<BookOutlined />} onClick={() => setLibraryOpen(true)}>
                {t('goals.fromLibrary')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'add', initial: null })}
                data-testid="add-indicator"
              >
                {t('goals.addIndicator')}
              </Button>
            </Space>
          )
        }
      >
        {allIndicators(goal).length === 0 ? (
          <EmptyState text={editable ? t('goals.noIndicatorsEdit') : t('dash.noIndicators')} />
        ) : (
          <Table<Row>
            size="small"
            bordered
            rowKey="key"
            columns={shownColumns}
            dataSource={rowsOf(goal)}
            pagination={false}
            scroll={{ x: 760 }}
            data-testid="indicator-tree"
          />
        )}
        {shownIssues.length > 0 && (goal.editable || submitIssues) && (
          <Alert
            className="jx-section"
            type={shownIssues.some((i) => i.severity === 'error') ? 'error' : 'warning'}
            showIcon
            message={t('goals.checks')}
            description={
              <ul className="jx-findings">
                {shownIssues.map((i, n) => (
                  <li key={`${i.code}-${n}`}>
                    <Tag color={i.severity === 'error' ? 'red' : 'gold'}>
                      {i.severity === 'error' ? t('goals.error') : t('goals.warning')}
                    </Tag>
                    {lang === 'en' ? i.messageEn : i.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>

      <div className="jx-grid jx-grid-2 jx-section">
        <Card size="small" title={t('goals.changeRequests')} id="jx-change-requests">
          {changeRequests.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                canEdit && !goal.editable ? t('goals.noChangesHint') : t('goals.noChanges')
              }
            />
          ) : (
            <List
              size="small"
              dataSource={changeRequests}
              renderItem={(c) => {
                const canDecide =
                  (role === 'deptHead' && c.status === 'pending') ||
                  (role === 'financeReviewer' && c.status === 'deptApproved');
                return (
                  <List.Item
                    actions={
                      canDecide
                        ? [
                            <Button
                              key="a"
                              size="small"
                              type="primary"
                              onClick={() => setDialog({ decide: c, decision: 'approve' })}
                            >
                              {t('goals.approve')}
                            </Button>,
                            <Button
                              key="r"
                              size="small"
                              danger
                              onClick={() => setDialog({ decide: c, decision: 'reject' })}
                            >
                              {t('goals.reject')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={
                        <span>
                          {c.indicatorName ??
                            allIndicators(goal).find((i) => i.id === c.indicatorId)?.name}{' '}
                          <StatusTag status={c.status} />
                        </span>
                      }
                      description={
                        <span>
                          {c.fieldLabel ?? c.field}：{c.originalValue} →{' '}
                          <strong>{c.newValue}</strong>；{c.reason}
                          <br />
                          <span className="jx-muted">
                            {c.requestedByName} ·{' '}
                            {new Date(c.requestedAt).toLocaleString(
                              lang === 'en' ? 'en-GB' : 'zh-CN',
                            )}
                          </span>
                        </span>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
        <Card size="small" title={t('goals.history')}>
          {goal.events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={goal.events.map((e) => ({
                color:
                  e.action === 'return'
                    ? 'red'
                    : e.action === 'lock' || e.action === 'approve'
                      ? 'green'
                      : 'blue',
                content: (
                  <span>
                    <StatusTag status={e.toStatus} /> {e.actor}
                    <span className="jx-muted">
                      {' '}
                      · {new Date(e.at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}
                    </span>
                    {e.comment && <div className="jx-goal-comment">{e.comment}</div>}
                  </span>
                ),
              }))}
            />
          )}
        </Card>
      </div>

      <IndicatorForm
        open={form !== null}
        title={form?.mode === 'edit' ? t('app.edit') : t('goals.addIndicator')}
        initial={form?.initial ?? null}
        onClose={() => setForm(null)}
        onSubmit={async (v) => {
          if (form?.mode === 'edit' && form.id) {
            await goalsApi.updateIndicator(form.id, v);
          } else {
            await goalsApi.addIndicator(goal.id, v);
          }
          setForm(null);
          notify(t('app.saved'));
          onChanged();
        }}
      />
      <LibraryDrawer
        open={libraryOpen}
        onClose={() => setLibraryOpen(false)}
        onPick={(tpl) => {
          setLibraryOpen(false);
          setForm({
            mode: 'add',
            initial: {
              level1: tpl.level1,
              level2: tpl.level2,
              name: tpl.name,
              operator: tpl.operator,
              unit: tpl.unit,
              dataSource: tpl.dataSource,
            },
          });
        }}
      />
      <ChangeRequestDialog
        indicator={changeFor}
        onClose={() => setChangeFor(null)}
        onSubmit={async (ind, v) => {
          await goalsApi.requestChange(goal.id, {
            reason: v.reason,
            changes: [{ indicatorId: ind.id, field: v.field, newValue: v.newValue.trim() }],
          });
          setChangeFor(null);
          notify(t('goals.changeSent'));
          onChanged();
        }}
      />
      <CommentDialog
        open={dialog !== null}
        title={
          dialog === 'return'
            ? t('goals.returnGoals')
            : dialog === 'approve'
              ? t('goals.approve')
              : dialog
                ? dialog.decision === 'approve'
                  ? t('goals.approve')
                  : t('goals.reject')
                : ''
        }
        label={t('eval.returnComment')}
        required={
          dialog === 'return' || (typeof dialog === 'object' && dialog?.decision === 'reject')
        }
        okText={t('app.confirm')}
        danger={
          dialog === 'return' || (typeof dialog === 'object' && dialog?.decision === 'reject')
        }
        onClose={() => setDialog(null)}
        onSubmit={async (comment) => {
          if (dialog === 'return') {
            await goalsApi.returnGoal(goal.id, comment ?? '');
          } else if (dialog === 'approve') {
            await goalsApi.approve(goal.id, comment);
          } else if (dialog) {
            await goalsApi.decideChange(dialog.decide.id, dialog.decision, comment);
          }
          setDialog(null);
          notify(t('app.saved'));
          onChanged();
        }}
      />
    </div>
  );
}
