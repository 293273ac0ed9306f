// The four figures of 任务分解: the city's target, the split (short, exact or with extra), the district's actual
// through the month and its completion rate against 序时进度.
import { Card, Statistic, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { percentText } from '../../ui/percent-text.tsx';
import type { Decomposition, TargetKind, TargetView } from './investment-api.ts';
import { quantity } from './target-quantity.ts';

const SPLIT_STATUS: Record<TargetView['status'], { color: string; zh: string; en: string }> = {
  UNDER: { color: 'red', zh: '未分解完', en: 'Short' },
  OVER: { color: 'blue', zh: '层层加压', en: 'With extra' },
  EXACT: { color: 'green', zh: '恰好分解', en: 'Exact' },
};

function AllocatedCard({
  kind,
  p,
  target,
}: {
  kind: TargetKind;
  p: Decomposition;
  target: TargetView | null;
}) {
  const { pick } = useI18n();
  return (
    <Card size="small">
      <Statistic
        title={pick({ zh: '分解合计', en: 'Allocated' })}
        value={target ? quantity(kind, target.allocated) : '—'}
        suffix={kind === 'signedInvestment' || !target ? undefined : p.unit}
      />
      <div className="jx-stat-foot">
        {target && (
          <Tag color={SPLIT_STATUS[target.status].color}>{pick(SPLIT_STATUS[target.status])}</Tag>
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
  );
}

function StatCard({
  title,
  value,
  suffix,
  foot,
}: {
  title: string;
  value: string;
  suffix?: string;
  foot: string;
}) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} suffix={suffix} />
      <div className="jx-stat-foot jx-muted">{foot}</div>
    </Card>
  );
}

export function DecompositionStats({
  kind,
  p,
  target,
}: {
  kind: TargetKind;
  p: Decomposition;
  target: TargetView | null;
}) {
  const { pick } = useI18n();
  const suffix = kind === 'signedInvestment' ? undefined : p.unit;
  return (
    <div className="jx-grid jx-grid-4">
      <StatCard
        title={pick({ zh: '市下达目标', en: 'City target' })}
        value={quantity(kind, p.district.target)}
        suffix={suffix}
        foot={target?.documentNo ?? pick({ zh: '尚未设定', en: 'Not set' })}
      />
      <AllocatedCard kind={kind} p={p} target={target} />
      <StatCard
        title={pick({
          zh: `全区完成（截至${p.month}月末）`,
          en: `District actual (month ${p.month})`,
        })}
        value={quantity(kind, p.district.actual)}
        suffix={suffix}
        foot={pick({
          zh: '由招商项目库按达到日期统计',
          en: 'Counted from the pipeline by date reached',
        })}
      />
      <StatCard
        title={pick({ zh: '完成率', en: 'Completion' })}
        value={percentText(p.district.rate)}
        foot={pick({ zh: `序时进度 ${p.timeProgress}%`, en: `Time progress ${p.timeProgress}%` })}
      />
    </div>
  );
}
