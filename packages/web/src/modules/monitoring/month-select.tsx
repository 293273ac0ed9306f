// The monitoring month (1–12), the cut-off months (where answers are entered) marked; the department's page opens
// on the cut-off month the server says applies (GET …/monitoring without a month), and so does the bureau's.
import { Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function MonthSelect({
  value,
  onChange,
  cutoffMonths = [],
}: {
  value: number;
  onChange: (m: number) => void;
  cutoffMonths?: readonly number[];
}) {
  const { t, lang } = useI18n();
  const mark = (m: number) => (cutoffMonths.includes(m) ? t('monitoring.cutoffMark') : '');
  return (
    <label className="jx-inline-label">
      <span>{t('monitoring.month')}</span>
      <Select
        aria-label={t('monitoring.month')}
        value={value}
        onChange={onChange}
        style={{ width: cutoffMonths.length > 0 ? 150 : 110 }}
        data-testid="monitoring-month"
        options={Array.from({ length: 12 }, (_x, i) => ({
          value: i + 1,
          label:
            (lang === 'en'
              ? `Jan–${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i]}`
              : `1–${i + 1}月`) + mark(i + 1),
        }))}
      />
    </label>
  );
}
