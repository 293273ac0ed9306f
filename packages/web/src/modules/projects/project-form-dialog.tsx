// 新建项目 / 修改项目: code, name, level (二级 → parent), fund source, expenditure type; the server's field
// errors (duplicate code, code used by the ledger, missing parent) appear next to the fields.
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import {
  FUND_SOURCES,
  saveProject,
  type FundSource,
  type ProjectRow,
  type ProjectValues,
} from './projects-api.ts';

export function ProjectFormDialog({
  open,
  departmentCode,
  year,
  project,
  projects,
  onClose,
  onSaved,
}: {
  open: boolean;
  departmentCode: string;
  year: number;
  /** null: create. */
  project: ProjectRow | null;
  projects: readonly ProjectRow[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ProjectValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const level = Form.useWatch('level', form);

  useEffect(() => {
    if (!open) {
      return;
    }
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      project
        ? {
            code: project.code,
            name: project.name,
            level: project.level === 2 ? 2 : 1,
            parentId: project.parentId,
            fundSource: project.fundSource as FundSource,
            expenditureType: project.expenditureType === 'basic' ? 'basic' : 'project',
          }
        : {
            code: '',
            name: '',
            level: 1,
            parentId: null,
            fundSource: 'general',
            expenditureType: 'project',
          },
    );
  }, [open, project, form]);

  const parents = projects.filter((p) => p.level === 1 && p.id !== project?.id);

  return (
    <Modal
      open={open}
      title={project ? t('projects.edit') : t('projects.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          role="alert"
          data-testid="project-form-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        data-testid="project-form"
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          saveProject(departmentCode, year, project, v)
            .then(() => onSaved())
            // field messages go beside the fields; a refusal (409: code taken, code named by the ledger) is also
            // shown in full above the form, since it says what to do
            .catch((e: unknown) =>
              setError(
                applyServerErrors(form, e, lang) ??
                  (e instanceof ApiError && e.status !== 400 ? e.localized(lang) : null),
              ),
            )
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="code"
          label={t('projects.code')}
          extra={t('projects.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('projects.codeRequired') },
            { max: 64 },
          ]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="project-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('projects.name')}
          rules={[
            { required: true, whitespace: true, message: t('projects.nameRequired') },
            { max: 200 },
          ]}
        >
          <Input maxLength={200} data-testid="project-name" />
        </Form.Item>
        <Form.Item name="level" label={t('projects.level')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 1, label: t('projects.level1') },
              { value: 2, label: t('projects.level2'), disabled: parents.length === 0 },
            ]}
          />
        </Form.Item>
        {level === 2 && (
          <Form.Item
            name="parentId"
            label={t('projects.parent')}
            rules={[{ required: true, message: t('projects.parentRequired') }]}
          >
            <Select
              aria-label={t('projects.parent')}
              options={parents.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        <Form.Item name="fundSource" label={t('projects.fundSource')}>
          <Select
            aria-label={t('projects.fundSource')}
            options={FUND_SOURCES.map((f) => ({ value: f, label: t(`projects.fund.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="expenditureType" label={t('projects.type')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'project', label: t('execution.project') },
              { value: 'basic', label: t('execution.basic') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
