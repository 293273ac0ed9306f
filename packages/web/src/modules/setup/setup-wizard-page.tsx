// 初始化向导 (the first administrator on an empty install): 1 region and finance bureau → 2 the 单位名录 with a
// preview of what will be created → 3 accounts (passwords shown once) → done. A region that already exists is
// offered instead of step 1, so the wizard can be resumed.
import { Button, Card, InputNumber, Result, Select, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AccountsResult } from './accounts-result.tsx';
import { AgenciesPreview } from './agencies-preview.tsx';
import { FileImportStep } from './file-import-step.tsx';
import type {
  ImportAgenciesResult,
  ImportUsersResult,
  RegionView,
  SetupStatus,
} from './organisation-types.ts';
import { RegionStep } from './region-step.tsx';

function ExistingRegion({
  regions,
  onPick,
  onNew,
}: {
  regions: RegionView[];
  onPick: (r: RegionView) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState(regions[0]?.code);
  return (
    <Space wrap>
      <span>{t('setup.existingRegion')}</span>
      <Select
        aria-label={t('setup.existingRegion')}
        style={{ minWidth: 240 }}
        value={code}
        onChange={setCode}
        options={regions.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
      />
      <Button type="primary" onClick={() => onPick(regions.find((r) => r.code === code)!)}>
        {t('setup.continue')}
      </Button>
      <Button onClick={onNew}>{t('setup.newRegion')}</Button>
    </Space>
  );
}

export function SetupWizardPage() {
  const { t } = useI18n();
  const status = useApi<SetupStatus>('/api/organisation/setup');
  const [step, setStep] = useState(0);
  const [region, setRegion] = useState<RegionView | null>(null);
  const [newRegion, setNewRegion] = useState(false);
  const [agencies, setAgencies] = useState<ImportAgenciesResult | null>(null);
  const [users, setUsers] = useState<ImportUsersResult | null>(null);
  const [staffYear, setStaffYear] = useState<number>(new Date().getFullYear());
  useEffect(() => {
    if (region) {
      setStep(1);
    }
  }, [region]);
  const regions = status.data?.regions ?? [];
  return (
    <div>
      <PageHeader title={t('setup.title')} sub={t('setup.sub')} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            {
              title: t('setup.step.region'),
              description: region ? `${region.code} ${region.name}` : undefined,
            },
            { title: t('setup.step.agencies') },
            { title: t('setup.step.users') },
            { title: t('setup.step.done') },
          ]}
        />
        <LoadState loading={status.loading} error={status.error} reload={status.reload}>
          {step === 0 &&
            (regions.length > 0 && !newRegion ? (
              <ExistingRegion
                regions={regions}
                onPick={setRegion}
                onNew={() => setNewRegion(true)}
              />
            ) : (
              <RegionStep onDone={setRegion} />
            ))}
          {step === 1 && region && (
            <>
              <Space style={{ marginBottom: 12 }}>
                <span>{t('setup.staffYear')}</span>
                <InputNumber
                  min={2000}
                  max={2100}
                  value={staffYear}
                  onChange={(v) => setStaffYear(v ?? new Date().getFullYear())}
                  aria-label={t('setup.staffYear')}
                />
              </Space>
              <FileImportStep<ImportAgenciesResult>
                key={staffYear}
                path={`/api/regions/${region.code}/agencies/import`}
                query={{ year: staffYear }}
                hint={t('setup.agenciesHint')}
                testId="agencies-upload"
                preview={(r) => <AgenciesPreview r={r} />}
                done={(r) => <AgenciesPreview r={r} />}
                onDone={setAgencies}
              />
              <Space style={{ marginTop: 16 }}>
                <Button type="primary" disabled={!agencies} onClick={() => setStep(2)}>
                  {t('setup.next')}
                </Button>
              </Space>
            </>
          )}
          {step === 2 && (
            <>
              <FileImportStep<ImportUsersResult>
                path="/api/users/import"
                hint={t('setup.usersHint')}
                testId="users-upload"
                preview={(r) => <AccountsResult r={r} />}
                done={(r) => <AccountsResult r={r} />}
                onDone={setUsers}
              />
              <Space style={{ marginTop: 16 }}>
                <Button type="primary" onClick={() => setStep(3)}>
                  {users ? t('setup.next') : t('setup.skip')}
                </Button>
              </Space>
            </>
          )}
          {step === 3 && (
            <Result
              status="success"
              title={t('setup.doneTitle', { region: region?.name ?? '' })}
              subTitle={t('setup.doneSub', {
                depts: agencies?.counts.departmentsCreated ?? 0,
                units: agencies?.counts.unitsCreated ?? 0,
                users: users?.accounts.length ?? 0,
              })}
              extra={<Link to="/admin/home">{t('setup.backHome')}</Link>}
            />
          )}
        </LoadState>
      </Card>
    </div>
  );
}
