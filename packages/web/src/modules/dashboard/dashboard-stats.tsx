// The four figures of the department's 工作台: budget, executed with its rate against 序时进度, warnings (or
// findings), and the self-evaluation score with its grade and whether it is live or frozen.
import type { ScoredOutput } from '@jixiao/core/scoring/index';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import type { DepartmentEvaluation } from '../../api/types.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { GradeTag } from '../../ui/grade-tag.tsx';
import { moneyText } from '../../ui/money-text.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import { WarningCounts } from '../../ui/warning-tag.tsx';
import { scored } from '../evaluation/live-score.ts';
import type { ExecutionSeries } from './execution-data.ts';
import type { readWarningCounts } from './monitoring-data.ts';

type Budget = DepartmentEvaluation['department']['input']['budget'] | undefined;

function BudgetCards({
  b,
  deptOut,
  series,
}: {
  b: Budget;
  deptOut: ScoredOutput | null;
  series: ExecutionSeries | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <Card size="small">
        <Statistic title={t('dash.budget')} value={b ? moneyText({ wan: b.adjusted }) : '—'} />
        <div className="jx-stat-foot">
          {t('eval.initial')} {b?.initial ? moneyText({ wan: b.initial }) : '—'}
        </div>
      </Card>
      <Card size="small">
        <Statistic title={t('dash.executed')} value={b ? moneyText({ wan: b.executed }) : '—'} />
        <div className="jx-stat-foot">
          {t('dash.rate')} <strong>{deptOut ? percentText(deptOut.budget.rate) : '—'}</strong>
          {series && (
            <span>
              · {t('dash.timeProgress')}{' '}
              <span data-testid="dash-time-progress">
                {series.asOfTimeProgress === null ? '—' : `${series.asOfTimeProgress}%`}
              </span>
            </span>
          )}
        </div>
      </Card>
    </>
  );
}

function WarningsCard({
  ev,
  warn,
  month,
}: {
  ev: DepartmentEvaluation | undefined;
  warn: ReturnType<typeof readWarningCounts>;
  /** The cut-off month the warnings are counted for (the same 运行监控 opens on). */
  month: number | null;
}) {
  const { t } = useI18n();
  const code = useDeptCode();
  const findingCount = ev
    ? [ev.department, ...ev.projects].reduce(
        (n, s) => n + (scored(s.output)?.findings.length ?? 0),
        0,
      )
    : 0;
  return (
    <Card size="small">
      <Statistic
        title={
          warn ? (
            <span data-testid="dash-warnings-title">
              {t('dash.warnings')}
              {month !== null && `（${t('dash.asOfMonth', { m: month })}）`}
            </span>
          ) : (
            t('eval.findings')
          )
        }
        value={warn ? warn.red + warn.yellow : findingCount}
      />
      <div className="jx-stat-foot">
        {warn ? (
          <>
            <WarningCounts red={warn.red} yellow={warn.yellow} />{' '}
            <Link to={`/dept/${code}/monitoring`}>{t('menu.monitoring')} →</Link>
          </>
        ) : (
          <Link to={`/dept/${code}/evaluation`}>{t('menu.evaluation')} →</Link>
        )}
      </div>
    </Card>
  );
}

function ScoreCard({
  ev,
  deptOut,
}: {
  ev: DepartmentEvaluation | undefined;
  deptOut: ScoredOutput | null;
}) {
  const { t } = useI18n();
  const code = useDeptCode();
  const status = ev?.department.status;
  return (
    <Card size="small" className="jx-dash-score">
      <Statistic
        title={t('dash.score')}
        value={deptOut ? deptOut.total : '—'}
        suffix={<GradeTag grade={deptOut?.grade} />}
        valueStyle={{ color: '#1d4f9c' }}
      />
      <div className="jx-stat-foot">
        <StatusTag status={status} />
        {status === 'submitted' || status === 'accepted'
          ? t('dash.scoreFrozen')
          : deptOut
            ? t('dash.scoreLive')
            : t('dash.invalid')}{' '}
        <Link to={`/dept/${code}/evaluation`}>{t('menu.evaluation')} →</Link>
      </div>
    </Card>
  );
}

export function DashboardStats({
  ev,
  series,
  warn,
  month,
}: {
  ev: DepartmentEvaluation | undefined;
  series: ExecutionSeries | null;
  warn: ReturnType<typeof readWarningCounts>;
  month: number | null;
}) {
  const deptOut = scored(ev?.department.output);
  return (
    <div className="jx-grid jx-grid-4">
      <BudgetCards b={ev?.department.input.budget} deptOut={deptOut} series={series} />
      <WarningsCard ev={ev} warn={warn} month={month} />
      <ScoreCard ev={ev} deptOut={deptOut} />
    </div>
  );
}
