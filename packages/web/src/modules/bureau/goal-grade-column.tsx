// 部门总览: the 绩效目标审核 grades (§C.5) of a department's goal sets — how many have 优/良/中/差 as their latest
// grade (差 cannot proceed to budgeting, 中 is back for revision).
import { Tag, type TableColumnsType } from 'antd';
import type { OverviewRow } from '../../api/types.ts';
import type { Lang } from '../../i18n/i18n.tsx';

const GRADES = [
  ['excellent', '优', 'A', 'green'],
  ['good', '良', 'B', 'blue'],
  ['fair', '中', 'C', 'gold'],
  ['poor', '差', 'D', 'red'],
] as const;

export function goalGradeColumn(lang: Lang): TableColumnsType<OverviewRow>[number] {
  return {
    title: lang === 'en' ? 'Goal review' : '目标审核',
    key: 'goalGrades',
    width: 150,
    sorter: (a, b) =>
      a.goalGrades.poor - b.goalGrades.poor || a.goalGrades.fair - b.goalGrades.fair,
    render: (_v, r) => {
      const shown = GRADES.filter(([k]) => r.goalGrades[k] > 0);
      return shown.length === 0 ? (
        <span className="jx-muted">—</span>
      ) : (
        <span data-testid={`goal-grades-${r.code}`}>
          {shown.map(([k, zh, en, color]) => (
            <Tag key={k} color={color}>
              {`${lang === 'en' ? en : zh} ${r.goalGrades[k]}`}
            </Tag>
          ))}
        </span>
      );
    },
  };
}
