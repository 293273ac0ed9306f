// The actions of the 绩效自评 page header: 保存 and 提交 while the department's self-evaluation is open (with the
// count of unsaved edits), the department head's 退回填报员 and 审核通过 while it waits for the head, 退回 and 通过 for
// the finance bureau once it is submitted.
import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EvaluationActions as Actions } from './use-evaluation.ts';

function EditActions({
  actions,
  unsaved,
  canEdit,
  toHead,
}: {
  actions: Actions;
  unsaved: number;
  canEdit: boolean;
  toHead: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {unsaved > 0 && (
        <Typography.Text type="warning">{t('eval.unsaved', { n: unsaved })}</Typography.Text>
      )}
      {canEdit && (
        <Button
          icon={<SaveOutlined />}
          onClick={() => void actions.save()}
          loading={actions.busy === 'save'}
          disabled={unsaved === 0}
          data-testid="eval-save"
        >
          {t('eval.save')}
        </Button>
      )}
      <Popconfirm
        title={t('eval.submit')}
        description={
          <div style={{ maxWidth: 320 }}>
            {toHead ? t('eval.submitToHeadConfirm') : t('eval.submitConfirm')}
          </div>
        }
        onConfirm={() => void actions.submit()}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={actions.busy === 'submit'}
          data-testid="eval-submit"
        >
          {t('eval.submit')}
        </Button>
      </Popconfirm>
    </>
  );
}

function ReviewActions({ actions, onReturn }: { actions: Actions; onReturn: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={onReturn} data-testid="eval-return">
        {t('eval.return')}
      </Button>
      <Button
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => void actions.accept()}
        loading={actions.busy === 'accept'}
        data-testid="eval-accept"
      >
        {t('eval.accept')}
      </Button>
    </>
  );
}

function HeadActions({ actions, onReturn }: { actions: Actions; onReturn: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={onReturn} data-testid="eval-head-return">
        {t('eval.headReturn')}
      </Button>
      <Popconfirm
        title={t('eval.headApprove')}
        description={<div style={{ maxWidth: 320 }}>{t('eval.headApproveConfirm')}</div>}
        onConfirm={() => void actions.headApprove()}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
      >
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={actions.busy === 'head-approve'}
          data-testid="eval-head-approve"
        >
          {t('eval.headApprove')}
        </Button>
      </Popconfirm>
    </>
  );
}

export function EvaluationHeaderActions({
  actions,
  unsaved,
  canEdit,
  editable,
  reviewable,
  headReviewable,
  toHead,
  onReturn,
  onHeadReturn,
}: {
  actions: Actions;
  unsaved: number;
  canEdit: boolean;
  /** the department's self-evaluation is open and this user may submit it */
  editable: boolean;
  /** the finance bureau may return or accept it now */
  reviewable: boolean;
  /** the department head may sign it off or return it to the clerk now */
  headReviewable: boolean;
  /** the clerk's submission goes to the department head first */
  toHead: boolean;
  onReturn: () => void;
  onHeadReturn: () => void;
}) {
  return (
    <Space wrap>
      {editable && (
        <EditActions actions={actions} unsaved={unsaved} canEdit={canEdit} toHead={toHead} />
      )}
      {headReviewable && <HeadActions actions={actions} onReturn={onHeadReturn} />}
      {reviewable && <ReviewActions actions={actions} onReturn={onReturn} />}
    </Space>
  );
}
