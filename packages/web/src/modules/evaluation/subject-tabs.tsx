// The tabs of the 绩效自评 page: the department and each project, with its live score and a dot when edited.
import { Badge, Tabs } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { term } from '../../i18n/terms.ts';
import { scored } from './live-score.ts';
import type { SubjectState } from './use-evaluation.ts';

export function SubjectTabs({
  subjects,
  activeKey,
  onChange,
}: {
  subjects: SubjectState[];
  activeKey: string;
  onChange: (key: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Tabs
      activeKey={activeKey}
      onChange={onChange}
      className="jx-eval-tabs"
      items={subjects.map((c) => {
        const sc = scored(c.output);
        return {
          key: c.key,
          label: (
            <span className="jx-eval-tab" data-testid={`eval-tab-${c.key}`}>
              <Badge dot={c.changed.length > 0} offset={[4, 0]}>
                <span>{c.s.kind === 'department' ? t('eval.department') : c.s.name}</span>
              </Badge>
              <span className="jx-eval-tab-score">
                {sc ? `${sc.total} ${term(sc.grade, lang)}` : '—'}
              </span>
            </span>
          ),
        };
      })}
    />
  );
}
