// 项目管理: the department's projects of the year (一级 with their 二级 below), with budgets; the department's
// clerk and head create and edit them (POST/PATCH /api/departments/{code}/projects).
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useDeptCode } from '../../app/dept-code.ts';
import { canEditDepartment } from '../../app/home-path.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProjectFormDialog } from './project-form-dialog.tsx';
import { fundSourceKey, treeOrder, type ProjectRow } from './projects-api.ts';

export function ProjectsPage() {
  const code = useDeptCode();
  const user = useUser();
  const { year, departmentName, reloadYears } = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApi<ProjectRow[]>(`/api/departments/${encodeURIComponent(code)}/projects`, {
    year,
  });
  const rows = useMemo(() => treeOrder(list.data ?? []), [list.data]);
  const codeOf = useMemo(() => new Map(rows.map((r) => [r.id, r.code])), [rows]);
  const canEdit = canEditDepartment(user, code);
  const [editing, setEditing] = useState<ProjectRow | null | undefined>(undefined);

  return (
    <div>
      <PageHeader
        title={t('projects.title')}
        sub={`${departmentName(code)} · ${year}${t('app.yearSuffix')}`}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="create-project"
            >
              {t('projects.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
          <Table<ProjectRow>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{
              emptyText: (
                <EmptyState text={canEdit ? t('projects.emptyCreate') : t('projects.empty')} />
              ),
            }}
            data-testid="project-list"
            columns={[
              {
                title: t('projects.code'),
                dataIndex: 'code',
                width: 160,
                render: (v: string, r) =>
                  r.level === 2 ? <span style={{ paddingLeft: 16 }}>└ {v}</span> : v,
              },
              { title: t('projects.name'), dataIndex: 'name' },
              {
                title: t('projects.level'),
                dataIndex: 'level',
                width: 90,
                render: (v: number) => (
                  <Tag color={v === 2 ? 'geekblue' : 'blue'}>
                    {v === 2 ? t('projects.level2') : t('projects.level1')}
                  </Tag>
                ),
              },
              {
                title: t('projects.parent'),
                dataIndex: 'parentId',
                width: 130,
                responsive: ['xxl'],
                render: (v: string | null) => (v ? (codeOf.get(v) ?? '—') : '—'),
              },
              {
                title: t('projects.fundSource'),
                dataIndex: 'fundSource',
                width: 130,
                responsive: ['lg'],
                render: (v: string) => {
                  const k = fundSourceKey(v);
                  return k ? t(k) : v;
                },
              },
              {
                title: t('projects.type'),
                dataIndex: 'expenditureType',
                width: 90,
                render: (v: string) =>
                  v === 'basic' ? t('execution.basic') : t('execution.project'),
              },
              {
                title: t('projects.initial'),
                dataIndex: 'initialYuan',
                align: 'right',
                width: 130,
                render: (v: string) => <MoneyText yuan={v} />,
              },
              {
                title: t('projects.budget'),
                dataIndex: 'budgetYuan',
                align: 'right',
                width: 130,
                render: (v: string) => <MoneyText yuan={v} />,
              },
              ...(canEdit
                ? [
                    {
                      title: t('app.actions'),
                      key: 'actions',
                      width: 80,
                      render: (_v: unknown, r: ProjectRow) => (
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(r)}
                          aria-label={`${t('app.edit')} ${r.code}`}
                          data-testid={`edit-project-${r.code}`}
                        >
                          {t('app.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </LoadState>
      </Card>
      <ProjectFormDialog
        open={editing !== undefined}
        departmentCode={code}
        year={year}
        project={editing ?? null}
        projects={rows}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          void message.success(editing ? t('app.saved') : t('projects.created'));
          setEditing(undefined);
          list.reload();
          reloadYears(); // a first project makes the year one "with data"
        }}
      />
    </div>
  );
}
