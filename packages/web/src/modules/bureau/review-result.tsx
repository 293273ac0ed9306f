// A reviewed report: its text line by line with the findings highlighted, and the findings beside it with the
// department to send back.
import { RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space } from 'antd';
import type { ReviewedReport } from '../../api/types.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FindingList } from './finding-list.tsx';
import { ReviewText } from './review-text.tsx';
import type { Review } from './use-review.ts';

function ReturnControls({ r, onReturn }: { r: Review; onReturn: () => void }) {
  const { t } = useI18n();
  const { departments } = useWorkspace();
  return (
    <Space.Compact>
      <Select
        size="small"
        aria-label={t('review.returnDept')}
        placeholder={t('review.returnDept')}
        value={r.returnDept}
        onChange={r.setReturnDept}
        options={departments.map((d) => ({ value: d.code, label: d.shortName || d.name }))}
        style={{ width: 140 }}
      />
      <Button
        size="small"
        danger
        icon={<RollbackOutlined />}
        disabled={!r.returnDept}
        onClick={onReturn}
        data-testid="review-return"
      >
        {t('eval.return')}
      </Button>
    </Space.Compact>
  );
}

export function ReviewResult({
  r,
  result,
  onReturn,
}: {
  r: Review;
  result: ReviewedReport;
  onReturn: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="jx-review-grid jx-section">
      <Card size="small" title={`${t('review.text')} · ${result.result.title ?? result.fileName}`}>
        <ReviewText text={result.text} findings={r.findings} active={r.active} />
      </Card>
      <Card
        size="small"
        className="jx-review-side"
        title={`${t('review.findings')}（${r.findings.length}）`}
        extra={<ReturnControls r={r} onReturn={onReturn} />}
      >
        <FindingList
          findings={r.findings}
          kind={result.kind}
          activeIndex={r.active}
          onPick={r.setActive}
        />
      </Card>
    </div>
  );
}
