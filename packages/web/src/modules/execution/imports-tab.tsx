// 数据导入: the three imports (ledger, budgets, indicator progress) and the history of the year's imports.
import { App, Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { useDeptCode } from '../../app/dept-code.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n, type Lang, type MessageKey, type Translate } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { StatusTag } from '../../ui/status-tag.tsx';
import type { ImportRow } from './execution-data.ts';
import { ImportPanel } from './import-panel.tsx';
import type { useExecution } from './use-execution.ts';

const PANELS = [
  { kind: 'ledger', title: 'execution.importLedger' },
  { kind: 'budgets', title: 'execution.importBudgets' },
  { kind: 'progress', title: 'execution.importProgress' },
] as const satisfies readonly { kind: string; title: MessageKey }[];

function importKindLabel(kind: string, t: (k: MessageKey) => string): string {
  return kind === 'ledger'
    ? t('execution.ledger')
    : kind === 'budget' || kind === 'budgets'
      ? t('execution.projects')
      : kind === 'progress'
        ? t('execution.importProgress')
        : kind;
}

/** 撤销替换 on an import that replaced months (its rows out, the replaced rows back). */
function RestoreButton({ row, onDone }: { row: ImportRow; onDone: () => void }) {
  const code = useDeptCode();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={t('replace.restore')}
      description={t('replace.restoreConfirm', { n: row.replacedRows })}
      okText={t('app.confirm')}
      cancelText={t('app.cancel')}
      onConfirm={() =>
        api
          .post(`/api/departments/${encodeURIComponent(code)}/imports/${row.key}/restore`)
          .then(() => {
            void message.success(t('replace.restored'));
            onDone();
          })
          .catch((e: unknown) =>
            message.error(e instanceof ApiError ? e.localized(lang) : String(e)),
          )
      }
    >
      <Button size="small" type="link" data-testid="import-restore">
        {t('replace.restore')}
      </Button>
    </Popconfirm>
  );
}

function columnsOf(
  t: Translate,
  lang: Lang,
  restore: ((row: ImportRow) => React.ReactNode) | null,
): TableColumnsType<ImportRow> {
  return [
    {
      title: t('execution.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) =>
        v ? new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '—',
    },
    {
      title: t('execution.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (v: string) => importKindLabel(v, t),
    },
    { title: t('execution.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('execution.rows'), dataIndex: 'rows', width: 90, align: 'right' },
    { title: t('execution.by'), dataIndex: 'by', width: 120 },
    {
      title: t('goals.lifecycle'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (v ? <StatusTag status={v} /> : '—'),
    },
    ...(restore
      ? [
          {
            title: '',
            key: 'restore',
            width: 100,
            render: (_v: unknown, r: ImportRow) =>
              r.replacedRows > 0 && r.status === 'active' ? restore(r) : null,
          },
        ]
      : []),
  ];
}

function ImportPanels({
  x,
  canImport,
}: {
  x: ReturnType<typeof useExecution>;
  canImport: boolean;
}) {
  const code = useDeptCode();
  const { year } = useWorkspace();
  const { t } = useI18n();
  return (
    <div className="jx-grid jx-grid-2" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
      {PANELS.map((p) => (
        <ImportPanel
          key={p.kind}
          title={t(p.title)}
          template={p.kind}
          path={`${x.dept}/imports/${p.kind}`}
          year={year}
          departmentCode={code}
          canImport={canImport}
          testId={`import-${p.kind}`}
          onDone={x.refresh}
        />
      ))}
    </div>
  );
}

export function ImportsTab({
  x,
  canImport,
}: {
  x: ReturnType<typeof useExecution>;
  canImport: boolean;
}) {
  const { t, lang } = useI18n();
  const { imports, importRows } = x;
  return (
    <>
      <ImportPanels x={x} canImport={canImport} />
      <Card size="small" title={t('execution.history')} className="jx-section">
        <LoadState
          loading={imports.loading && !imports.data}
          error={imports.error}
          reload={imports.reload}
        >
          <Table<ImportRow>
            size="small"
            rowKey="key"
            dataSource={importRows}
            pagination={importRows.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: t('execution.noImports') }}
            columns={columnsOf(
              t,
              lang,
              canImport ? (r) => <RestoreButton row={r} onDone={x.refresh} /> : null,
            )}
          />
        </LoadState>
      </Card>
    </>
  );
}
