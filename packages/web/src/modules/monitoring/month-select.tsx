// The monitoring cut-off month (1–12); a past year defaults to December.
import { Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function defaultMonth(year: number, today = new Date()): number {
  return year < today.getFullYear() ? 12 : Math.max(1, today.getMonth());
}

export function MonthSelect({ value, onChange }: { value: number; onChange: (m: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <label className="jx-inline-label">
      <span>{t('monitoring.month')}</span>
      <Select
        aria-label={t('monitoring.month')}
        value={value}
        onChange={onChange}
        style={{ width: 110 }}
        options={Array.from({ length: 12 }, (_x, i) => ({
          value: i + 1,
          label:
            lang === 'en'
              ? `Jan–${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i]}`
              : `1–${i + 1}月`,
        }))}
      />
    </label>
  );
}
