// 单位管理 (finance bureau, system administrator): the region's departments with their 所属单位, 内设机构 and
// staffing; add, rename, deactivate or reactivate (nothing is ever deleted), and the 单位名录 upload with a preview.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AgenciesPreview, staffingText } from '../setup/agencies-preview.tsx';
import { FileImportStep } from '../setup/file-import-step.tsx';
import type {
  DepartmentView,
  ImportAgenciesResult,
  RegionOrganisation,
  UnitView,
} from '../setup/organisation-types.ts';
import { AgencyDialog, type AgencyDialogMode } from './agency-dialog.tsx';

type Row = (DepartmentView | UnitView) & { children?: UnitView[]; isUnit: boolean };

function rowsOf(r: RegionOrganisation): Row[] {
  return r.departments.map((d) => ({
    ...d,
    isUnit: false,
    children: d.units.length > 0 ? d.units.map((u) => ({ ...u, isUnit: true })) : undefined,
  }));
}

function RegionCard({ region, reload }: { region: RegionOrganisation; reload: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<AgencyDialogMode | null>(null);
  const [importing, setImporting] = useState(false);
  const setActive = async (code: string, active: boolean): Promise<void> => {
    try {
      await api.patch(`/api/agencies/${encodeURIComponent(code)}`, { active });
      void message.success(t(active ? 'org.reactivated' : 'org.deactivated'));
      reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    }
  };
  return (
    <Card
      title={`${region.name}（${region.code}）`}
      extra={
        <Space>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'add', regionCode: region.code, parentCode: null })}
          >
            {t('org.addDepartment')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('org.importAgencies')}
          </Button>
        </Space>
      }
    >
      <p className="jx-muted">
        {t('org.summary', {
          bureau: region.financeBureau?.name ?? '—',
          n: region.departments.length,
          year: region.staffingYear ?? '—',
        })}
      </p>
      <Table<Row>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rowsOf(region)}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('org.code'), dataIndex: 'code', width: 190 },
          {
            title: t('org.name'),
            render: (_: unknown, r) => (
              <Space>
                <span>{r.name}</span>
                {r.isUnit && <Tag>{t('org.kind.unit')}</Tag>}
                {!r.active && <Tag color="red">{t('org.inactive')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('org.agencyType'),
            dataIndex: 'agencyType',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('org.staffing'),
            width: 110,
            render: (_: unknown, r) => staffingText(r.staffing),
          },
          {
            title: t('org.offices'),
            render: (_: unknown, r) => ('offices' in r ? r.offices.join('、') : '') || '—',
          },
          {
            title: t('org.actions'),
            width: 250,
            render: (_: unknown, r) => (
              <Space size="small">
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    setDialog({
                      kind: 'rename',
                      code: r.code,
                      name: r.name,
                      shortName: r.shortName,
                    })
                  }
                >
                  {t('org.rename')}
                </Button>
                {!r.isUnit && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      setDialog({
                        kind: 'add',
                        regionCode: region.code,
                        parentCode: r.code,
                        parentName: r.name,
                      })
                    }
                  >
                    {t('org.addUnit')}
                  </Button>
                )}
                {r.active ? (
                  <Popconfirm
                    title={t('org.deactivateConfirm', { name: r.name })}
                    onConfirm={() => void setActive(r.code, false)}
                  >
                    <Button size="small" type="link" danger>
                      {t('org.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" onClick={() => void setActive(r.code, true)}>
                    {t('org.reactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AgencyDialog
        mode={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void message.success(t('org.saved'));
          reload();
        }}
      />
      <Modal
        open={importing}
        width={960}
        title={t('org.importAgencies')}
        footer={null}
        destroyOnHidden
        onCancel={() => {
          setImporting(false);
          reload();
        }}
      >
        <FileImportStep<ImportAgenciesResult>
          path={`/api/regions/${region.code}/agencies/import`}
          hint={t('setup.agenciesHint')}
          testId="org-agencies-upload"
          preview={(r) => <AgenciesPreview r={r} />}
          done={(r) => <AgenciesPreview r={r} />}
          onDone={reload}
        />
      </Modal>
    </Card>
  );
}

export function OrganisationPage() {
  const { t } = useI18n();
  const state = useApi<RegionOrganisation[]>('/api/organisation');
  return (
    <div>
      <PageHeader title={t('org.title')} sub={t('org.sub')} />
      <LoadState loading={state.loading} error={state.error} reload={state.reload}>
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {(state.data ?? []).map((r) => (
            <RegionCard key={r.code} region={r} reload={state.reload} />
          ))}
        </Space>
      </LoadState>
    </div>
  );
}
