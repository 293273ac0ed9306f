// What a 单位名录 file will create or change: one row per department or unit (the wizard's and 单位管理's preview).
import { Alert, Table, Tag } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { AgencyPlanItem, ImportAgenciesResult, Staffing } from './organisation-types.ts';

const ACTION_COLOR = { create: 'green', update: 'blue', unchanged: 'default' } as const;

export function staffingText(s: Staffing | null): string {
  return s ? `${s.authorizedStaff} / ${s.activeStaff}` : '—';
}

export function AgenciesSummary({ r }: { r: ImportAgenciesResult }) {
  const { t } = useI18n();
  const c = r.counts;
  return (
    <Alert
      type={r.dryRun ? 'info' : 'success'}
      showIcon
      message={t(r.dryRun ? 'setup.agenciesPreview' : 'setup.agenciesDone', {
        file: r.fileName,
        depts: c.departmentsCreated,
        units: c.unitsCreated,
        updated: c.updated,
        unchanged: c.unchanged,
        offices: c.officesAdded,
        year: r.staffingYear,
      })}
    />
  );
}

export function AgenciesPreview({ r }: { r: ImportAgenciesResult }) {
  const { t } = useI18n();
  return (
    <>
      <AgenciesSummary r={r} />
      <Table<AgencyPlanItem>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="code"
        pagination={r.items.length > 50 ? { pageSize: 50 } : false}
        dataSource={r.items}
        columns={[
          {
            title: t('setup.action'),
            dataIndex: 'action',
            width: 90,
            render: (a: AgencyPlanItem['action']) => (
              <Tag color={ACTION_COLOR[a]}>{t(`setup.action.${a}` as MessageKey)}</Tag>
            ),
          },
          { title: t('org.code'), dataIndex: 'code', width: 150 },
          {
            title: t('org.name'),
            render: (_: unknown, x) => (x.kind === 'unit' ? `└ ${x.name}` : x.name),
          },
          {
            title: t('org.kind'),
            width: 100,
            render: (_: unknown, x) =>
              t(x.kind === 'unit' ? 'org.kind.unit' : 'org.kind.department'),
          },
          { title: t('org.offices'), render: (_: unknown, x) => x.offices.join('、') || '—' },
          {
            title: t('org.staffing'),
            width: 110,
            render: (_: unknown, x) => staffingText(x.staffing),
          },
        ]}
      />
    </>
  );
}
