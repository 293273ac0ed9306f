// One item in a drawer: facts, the versions with their totals and conclusions, the history with opinions, and —
// by role — the scoring form (department while drafting/returned, third party while assigned) or the bureau's
// review actions (意见审核 / 委托第三方 / 退回 / 确认调整完善).
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import type { RatingShares } from '@jixiao/core/exante/index';
import { api, downloadFile } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUser } from '../../app/auth.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { ScoreForm, type ScoreFormValue } from './score-form.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { CONCLUSION_COLOR, itemPath, type Agency, type ExAnteDetail } from './exante-api.ts';

function ReviewActions({ detail, onDone }: { detail: ExAnteDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [opinion, setOpinion] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [agency, setAgency] = useState<string | undefined>();
  const agencies = useApi<Agency[]>('/api/exante/agencies');
  const item = detail.item;
  const act = (path: string, body: unknown) =>
    api
      .post(`${itemPath(item.id)}/${path}`, body)
      .then(() => {
        void message.success(t('app.saved'));
        onDone();
      })
      .catch((e: unknown) => void message.error((e as Error).message));
  if (
    item.state === 'concluded' &&
    item.conclusion === 'SUPPORT_AFTER_REVISION' &&
    !item.confirmed
  ) {
    return (
      <Button onClick={() => void act('confirm', { opinion })} data-testid="exante-confirm">
        {t('exante.confirm')}
      </Button>
    );
  }
  if (item.state !== 'submitted') {
    return null;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="exante-review">
      <Input.TextArea
        rows={2}
        placeholder={t('exante.opinion')}
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
        aria-label={t('exante.opinion')}
        data-testid="exante-opinion"
      />
      <Space wrap>
        <Switch checked={confirm} onChange={setConfirm} /> {t('exante.confirmWith')}
        <Button
          type="primary"
          onClick={() => void act('review', { action: 'conclude', opinion, confirm })}
          data-testid="exante-conclude"
        >
          {t('exante.conclude')}
        </Button>
        <Button
          danger
          disabled={!opinion.trim()}
          onClick={() => void act('review', { action: 'return', opinion })}
          data-testid="exante-return"
        >
          {t('exante.return')}
        </Button>
        <Select
          style={{ width: 220 }}
          placeholder={t('exante.agency')}
          value={agency}
          onChange={setAgency}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          data-testid="exante-agency"
        />
        <Button
          disabled={!agency}
          onClick={() => void act('review', { action: 'assign', agencyId: agency, opinion })}
          data-testid="exante-assign"
        >
          {t('exante.assign')}
        </Button>
      </Space>
    </Space>
  );
}

export function ExAnteDetailDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const detail = useApi<ExAnteDetail>(id ? itemPath(id) : null);
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  const item = d?.item;
  const isThird = user.role === 'thirdParty';
  const canScore =
    item &&
    ((isThird && item.state === 'thirdParty') ||
      ((user.role === 'clerk' || user.role === 'deptHead') &&
        (item.state === 'draft' ||
          item.state === 'returned' ||
          (item.state === 'concluded' &&
            item.conclusion === 'SUPPORT_AFTER_REVISION' &&
            !item.confirmed))));
  const last = d?.versions[d.versions.length - 1];
  const initial: ScoreFormValue = {
    scores: last
      ? last.sheet.rows
          .filter((r) => r.level === 3)
          .map((r) => ({ pointCode: r.code, score: r.score, note: r.note }))
      : [],
    summary: last?.summary ?? '',
    suggestions: last?.suggestions ?? '',
  };
  const save = async (v: ScoreFormValue, submit: boolean) => {
    if (!item) {
      return;
    }
    setBusy(true);
    try {
      if (isThird) {
        await api.put(`${itemPath(item.id)}/third-party-sheet`, v);
        if (submit) {
          await api.post(`${itemPath(item.id)}/third-party-submit`, v);
        }
      } else {
        await api.put(`${itemPath(item.id)}/sheet`, v);
        if (submit) {
          await api.post(`${itemPath(item.id)}/submit`);
        }
      }
      void message.success(submit ? t('exante.submitted') : t('app.saved'));
      detail.reload();
      onChanged();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={1100}
      title={item ? `${item.projectCode} ${item.projectName}` : ''}
      data-testid="exante-drawer"
    >
      <LoadState loading={detail.loading && !d} error={detail.error} reload={detail.reload}>
        {d && item && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label={t('exante.amount')}>{item.amountText}</Descriptions.Item>
              <Descriptions.Item label={t('exante.state')}>{item.stateText}</Descriptions.Item>
              <Descriptions.Item label={t('exante.conclusion')}>
                {item.conclusion ? (
                  <Tag color={CONCLUSION_COLOR[item.conclusion]} data-testid="exante-conclusion">
                    {item.conclusionText}
                  </Tag>
                ) : (
                  '—'
                )}
                {item.total ? `${item.total} ${t('exante.points')}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('exante.budget')} span={3}>
                {item.budgetAllowed ? (
                  <Tag color="green">{t('exante.budgetAllowed')}</Tag>
                ) : (
                  <Tag color="red">{item.budgetRefusal}</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
            {user.role === 'financeReviewer' && (
              <ReviewActions
                detail={d}
                onDone={() => {
                  detail.reload();
                  onChanged();
                }}
              />
            )}
            {canScore && (
              <ScoreForm
                key={`${d.versions.length}-${item.state}`}
                template={d.template}
                shares={d.ratingShares as unknown as RatingShares}
                initial={initial}
                busy={busy}
                onSave={(v) => void save(v, false)}
                onSubmit={(v) => void save(v, true)}
              />
            )}
            <EvidencePanel
              detail={d}
              canUpload={
                Boolean(canScore) ||
                (user.role === 'financeReviewer' &&
                  item.state !== 'draft' &&
                  item.state !== 'concluded')
              }
            />
            <Table
              size="small"
              rowKey="versionNo"
              pagination={false}
              dataSource={d.versions}
              columns={[
                { title: t('exante.version'), dataIndex: 'versionNo', width: 70 },
                { title: t('exante.assessor'), dataIndex: 'assessorText' },
                { title: t('exante.by'), dataIndex: 'assessedByName' },
                { title: t('exante.total'), dataIndex: 'total', align: 'right' },
                { title: t('exante.conclusion'), dataIndex: 'conclusionText' },
              ]}
            />
            <Timeline
              items={d.events.map((e) => ({
                children: `${e.at.slice(0, 10)} ${e.actorName} ${e.actionText}${e.opinion ? `：${e.opinion}` : ''}`,
              }))}
            />
            {d.versions.some((v) => v.submitted) && (
              <Space>
                {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
                  <Button
                    key={f}
                    size="small"
                    onClick={() =>
                      void downloadFile(`${itemPath(item.id)}/report`, { format: f }, `exante.${f}`)
                    }
                  >
                    {f === 'xlsx' ? t('exante.reviewForm') : `${t('exante.report')} (${f})`}
                  </Button>
                ))}
              </Space>
            )}
          </Space>
        )}
      </LoadState>
    </Drawer>
  );
}
