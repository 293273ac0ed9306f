// 设定任务与分解: the bureau sets the city's target of one kind, its document number, and the split across the
// district's departments and 街道 (amounts in 万元 as exact decimal strings, counts as whole numbers).
import { Alert, App, Input, InputNumber, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import {
  deptBase,
  TARGET_KIND_LABEL,
  type TargetKind,
  type TargetView,
  type UnitRef,
} from './investment-api.ts';

interface Props {
  code: string;
  year: number;
  kind: TargetKind;
  current: TargetView | null;
  onClose: () => void;
  onSaved: () => void;
}

function useAllocation({ code, year, kind, current, onSaved }: Props) {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const [target, setTarget] = useState(current?.target ?? '');
  const [documentNo, setDocumentNo] = useState(current?.documentNo ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries((current?.allocations ?? []).map((a) => [a.unitCode, a.value])),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setError(null), [target, values]);

  const save = async () => {
    setSaving(true);
    try {
      const allocations = Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([unitCode, value]) => ({ unitCode, value: value.trim() }));
      await api.put(
        `${deptBase(code)}/investment-targets/${kind}`,
        { target: target.trim(), documentNo: documentNo.trim() || null, allocations },
        { year },
      );
      void message.success(pick({ zh: '已保存任务分解', en: 'Saved' }));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };
  const fields = { target, setTarget, documentNo, setDocumentNo, values, setValues };
  return { fields, error, saving, save };
}

type Fields = ReturnType<typeof useAllocation>['fields'];

function TargetFields({ money, f }: { money: boolean; f: Fields }) {
  const { pick } = useI18n();
  return (
    <Space wrap className="jx-section">
      <span>
        {pick({
          zh: `市下达目标${money ? '（万元）' : '（个）'}`,
          en: `City target${money ? ' (10k yuan)' : ''}`,
        })}
      </span>
      <Input
        value={f.target}
        onChange={(e) => f.setTarget(e.target.value)}
        style={{ width: 160 }}
        data-testid="alloc-target"
      />
      <span>{pick({ zh: '文号', en: 'Document' })}</span>
      <Input
        value={f.documentNo}
        onChange={(e) => f.setDocumentNo(e.target.value)}
        style={{ width: 200 }}
      />
    </Space>
  );
}

function UnitInput({ u, money, f }: { u: UnitRef; money: boolean; f: Fields }) {
  const { values, setValues } = f;
  const v = values[u.code];
  return money ? (
    <Input
      value={v ?? ''}
      onChange={(e) => setValues({ ...values, [u.code]: e.target.value })}
      style={{ width: 140 }}
      aria-label={u.name}
    />
  ) : (
    <InputNumber<number>
      min={0}
      precision={0}
      value={v === undefined || v === '' ? null : Number(v)}
      onChange={(n) => setValues({ ...values, [u.code]: n === null ? '' : String(n) })}
      style={{ width: 100 }}
      aria-label={u.name}
    />
  );
}

function UnitAllocations({ code, money, f }: { code: string; money: boolean; f: Fields }) {
  const units = useApi<UnitRef[]>(`${deptBase(code)}/investment-units`);
  return (
    <LoadState loading={units.loading && !units.data} error={units.error}>
      <div className="jx-inv-alloc">
        {(units.data ?? []).map((u) => (
          <label key={u.code} className="jx-inv-alloc-row">
            <span>{u.name}</span>
            <UnitInput u={u} money={money} f={f} />
          </label>
        ))}
      </div>
    </LoadState>
  );
}

export function AllocationDialog(props: Props) {
  const { code, year, kind, onClose } = props;
  const { pick } = useI18n();
  const { fields, error, saving, save } = useAllocation(props);
  const money = kind === 'signedInvestment';
  return (
    <Modal
      open
      title={pick({
        zh: `${year}年${TARGET_KIND_LABEL[kind].zh}任务分解`,
        en: `${year} ${TARGET_KIND_LABEL[kind].en}: targets`,
      })}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      width={640}
      okText={pick({ zh: '保存', en: 'Save' })}
    >
      <TargetFields money={money} f={fields} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className="jx-section"
          data-testid="alloc-error"
        />
      )}
      <UnitAllocations code={code} money={money} f={fields} />
    </Modal>
  );
}
