// 导入全区项目预算 (finance bureau): one 一体化 项目年度预算 export whose rows name their unit goes to each department
// (POST /api/regions/{region}/budget-imports). The unit of money columns comes from the headers (元 / 万元) unless
// chosen here; a refused file lists every bad row, and nothing is imported.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Select, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { Schema } from '../../api/schema.ts';
import { uploadFile } from '../../api/upload.ts';
import { useUser } from '../../app/auth.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { importErrors } from '../execution/execution-data.ts';

type RegionBudgetResult = Schema<'RegionBudgetResult'>;
type DepartmentResult = RegionBudgetResult['departments'][number];

const TEXT = {
  zh: {
    open: '导入全区预算',
    title: '导入全区项目年度预算（一体化导出）',
    pick: '选择项目年度预算文件（.xlsx / .csv），每行的单位代码决定所属部门',
    unit: '金额单位',
    fromHeader: '按表头（元 / 万元）',
    yuan: '元',
    wan: '万元',
    replace: '替换各部门本年度已有的预算行',
    done: '已导入',
    department: '部门',
    rows: '预算行',
    total: '合计（元）',
    created: '新建项目',
    refused: '文件未导入',
  },
  en: {
    open: 'Import region budget',
    title: 'Import the region’s project budgets (一体化 export)',
    pick: 'Choose the budget file (.xlsx / .csv); each row’s unit code names its department',
    unit: 'Money unit',
    fromHeader: 'From the headers (元 / 万元)',
    yuan: '元',
    wan: '万元',
    replace: 'Replace the departments’ budget lines of the year',
    done: 'Imported',
    department: 'Department',
    rows: 'Lines',
    total: 'Total (元)',
    created: 'New projects',
    refused: 'Not imported',
  },
} as const;

export function RegionBudgetImport({ year, onImported }: { year: number; onImported: () => void }) {
  const user = useUser();
  const { lang } = useI18n();
  const txt = TEXT[lang];
  const [open, setOpen] = useState(false);
  const [unit, setUnit] = useState<'' | 'yuan' | 'wanYuan'>('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RegionBudgetResult | null>(null);
  const [problem, setProblem] = useState<{ title: string; rows: string[] } | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setResult(null);
    setProblem(null);
    try {
      const r = await uploadFile<RegionBudgetResult>(
        `/api/regions/${encodeURIComponent(user.regionCode)}/budget-imports`,
        file,
        { query: { year, unit: unit || undefined, replace: replace ? 'true' : undefined } },
      ).promise;
      setResult(r);
      onImported();
    } catch (e) {
      const rows = e instanceof ApiError ? importErrors(e.details).errors : [];
      setProblem({
        title: e instanceof ApiError ? e.localized(lang) : String(e),
        rows: rows.map(
          (x) =>
            `${x.row > 0 ? `#${x.row} ` : ''}${x.column} ${x.value ? `「${x.value}」` : ''}${lang === 'en' ? x.messageEn : x.message}`,
        ),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => setOpen(true)}
        data-testid="import-region-budget"
      >
        {txt.open}
      </Button>
      <Modal
        open={open}
        title={txt.title}
        width={720}
        footer={null}
        onCancel={() => {
          setOpen(false);
          setResult(null);
          setProblem(null);
        }}
        destroyOnHidden
      >
        <Space className="jx-section" wrap>
          <span>{txt.unit}</span>
          <Select
            value={unit}
            style={{ width: 180 }}
            onChange={setUnit}
            options={[
              { value: '', label: txt.fromHeader },
              { value: 'yuan', label: txt.yuan },
              { value: 'wanYuan', label: txt.wan },
            ]}
          />
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
            {txt.replace}
          </Checkbox>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void send(f);
            return Upload.LIST_IGNORE;
          }}
          data-testid="region-budget-file"
        >
          <p className="ant-upload-text">{txt.pick}</p>
        </Upload.Dragger>
        {problem && (
          <Alert
            className="jx-section"
            type="error"
            showIcon
            message={txt.refused}
            description={
              <div>
                <div>{problem.title}</div>
                {problem.rows.map((r, i) => (
                  <div key={i}>{r}</div>
                ))}
              </div>
            }
          />
        )}
        {result && (
          <div className="jx-section" data-testid="region-budget-result">
            <Alert
              type="success"
              showIcon
              message={`${txt.done}「${result.fileName}」：${result.totalYuan} 元`}
            />
            <Table<DepartmentResult>
              className="jx-section"
              size="small"
              pagination={false}
              rowKey="departmentCode"
              dataSource={result.departments}
              columns={[
                { title: txt.department, dataIndex: 'departmentCode' },
                { title: txt.rows, dataIndex: 'rows', width: 80 },
                { title: txt.total, dataIndex: 'totalYuan', align: 'right' },
                {
                  title: txt.created,
                  key: 'created',
                  render: (_v, d) => d.createdProjects.join('、') || '—',
                },
              ]}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
