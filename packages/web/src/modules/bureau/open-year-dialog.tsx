// 开启预算年度 (finance bureau): POST /api/regions/{code}/fiscal-years with the year (default: the latest opened
// + 1), the scoring rules (default mof-2020) and whether goal sets need the bureau's approval. The region's
// departments then see the year in their year picker and can plan it.
import {
  Alert,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { FiscalYearListing } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';

interface Values {
  year: number;
  scoringPreset: string;
  financeApprovalRequired: boolean;
  evaluationHeadReviewRequired: boolean;
  basisNotice: string;
}

export function OpenYearDialog({
  open,
  listing,
  onClose,
  onOpened,
}: {
  open: boolean;
  listing: FiscalYearListing;
  onClose: () => void;
  onOpened: (year: number) => void;
}) {
  const { t, lang, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
      form.setFieldsValue({
        year: listing.nextYear,
        scoringPreset: 'mof-2020',
        financeApprovalRequired: true,
        evaluationHeadReviewRequired: true,
        basisNotice: '',
      });
    }
  }, [open, listing, form]);
  return (
    <Modal
      open={open}
      title={t('fiscal.open')}
      okText={t('fiscal.open')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('fiscal.opened')}：</Typography.Text>
        <Space size={4} wrap>
          {listing.years.map((y) => (
            <Tag key={y.year}>{y.year}</Tag>
          ))}
        </Space>
      </div>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          api
            .post(`/api/regions/${encodeURIComponent(listing.regionCode)}/fiscal-years`, {
              year: v.year,
              scoringPreset: v.scoringPreset,
              financeApprovalRequired: v.financeApprovalRequired,
              evaluationHeadReviewRequired: v.evaluationHeadReviewRequired,
              basisNotice: v.basisNotice.trim() || null,
            })
            .then(() => onOpened(v.year))
            .catch((e: unknown) => setError(applyServerErrors(form, e, lang)))
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="year"
          label={t('fiscal.year')}
          extra={t('fiscal.yearHint', { max: listing.maxYear })}
          rules={[{ required: true, type: 'integer', min: 2000, max: listing.maxYear }]}
        >
          <InputNumber
            min={2000}
            max={listing.maxYear}
            precision={0}
            style={{ width: 160 }}
            aria-label={t('fiscal.year')}
            data-testid="fiscal-year-input"
          />
        </Form.Item>
        <Form.Item name="scoringPreset" label={t('fiscal.preset')}>
          <Select
            aria-label={t('fiscal.preset')}
            options={listing.presets.map((p) => ({
              value: p.name,
              label: `${pick({ zh: p.title, en: p.titleEn })}（${p.name}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="financeApprovalRequired" valuePropName="checked">
          <Checkbox>{t('fiscal.financeApproval')}</Checkbox>
        </Form.Item>
        <Form.Item name="evaluationHeadReviewRequired" valuePropName="checked">
          <Checkbox data-testid="head-review-required">{t('fiscal.headReview')}</Checkbox>
        </Form.Item>
        <Form.Item name="basisNotice" label={t('fiscal.basisNotice')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
