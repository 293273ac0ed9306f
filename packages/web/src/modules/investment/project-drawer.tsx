// One project: its facts, the dated stages, the history of changes (who, when, date reached), and — for
// the department's clerk or head — moving it to another stage (forward with a date, back with a reason).
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Steps,
  Tag,
  Timeline,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { allowedMoves, PIPELINE_STAGES, STAGE_LABEL } from '@jixiao/core/investment/index';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText } from '../../ui/money-text.tsx';
import {
  deptBase,
  type InvestmentProject,
  type PipelineStage,
  type StageChange,
} from './investment-api.ts';

export function ProjectDrawer({
  code,
  project,
  canEdit,
  onClose,
  onChanged,
}: {
  code: string;
  project: InvestmentProject | null;
  canEdit: boolean;
  onClose: () => void;
  onChanged: (p: InvestmentProject) => void;
}) {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const history = useApi<StageChange[]>(
    project ? `${deptBase(code)}/investment-projects/${project.id}/history` : null,
  );
  const [to, setTo] = useState<PipelineStage | undefined>(undefined);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!project) {
    return null;
  }
  const moves = allowedMoves(project.stage);
  const back = to !== undefined && moves.back.includes(to);
  const current = PIPELINE_STAGES.indexOf(project.stage);

  const submit = async () => {
    if (!to) {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await api.post<InvestmentProject>(
        `${deptBase(code)}/investment-projects/${project.id}/stage`,
        {
          to,
          date: back ? null : (date?.format('YYYY-MM-DD') ?? null),
          reason: reason.trim() || null,
        },
      );
      void message.success(
        pick({
          zh: `已推进至「${updated.stageLabel}」`,
          en: `Moved to ${STAGE_LABEL[updated.stage].en}`,
        }),
      );
      setTo(undefined);
      setDate(null);
      setReason('');
      history.reload();
      onChanged(updated);
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={620}
      title={`${project.code} ${project.name}`}
      data-testid="project-drawer"
    >
      <Steps
        size="small"
        current={current}
        className="jx-inv-steps"
        items={PIPELINE_STAGES.map((s) => ({
          title: pick(STAGE_LABEL[s]),
          content: project.stageDates[s] ?? '—',
        }))}
      />
      <Descriptions size="small" column={2} bordered className="jx-section">
        <Descriptions.Item label={pick({ zh: '投资方', en: 'Investor' })} span={2}>
          {project.investor}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '行业', en: 'Industry' })}>
          {project.industryCode} {project.industryName}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '计划投资额', en: 'Planned investment' })}>
          <MoneyText yuan={project.plannedInvestmentYuan} />
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '责任单位', en: 'Responsible unit' })}>
          {project.responsibleUnit.name}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '招商方式', en: 'Source' })}>
          {project.sourceLabel}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '重点项目', en: 'Key project' })}>
          {project.isKeyProject ? (
            <Tag color="red">{pick({ zh: '重点', en: 'Key' })}</Tag>
          ) : (
            pick({ zh: '否', en: 'No' })
          )}
        </Descriptions.Item>
        <Descriptions.Item label={pick({ zh: '数据', en: 'Data' })}>
          {project.illustrative ? <Tag>{pick({ zh: '示例数据', en: 'Illustrative' })}</Tag> : '—'}
        </Descriptions.Item>
      </Descriptions>

      {canEdit && (
        <Form layout="vertical" className="jx-section" component="div">
          <Space align="end" wrap>
            <Form.Item label={pick({ zh: '推进到', en: 'Move to' })} style={{ marginBottom: 0 }}>
              <Select
                style={{ width: 200 }}
                value={to}
                onChange={(v: PipelineStage) => setTo(v)}
                placeholder={pick({ zh: '选择阶段', en: 'Choose a stage' })}
                data-testid="move-to"
                options={[
                  ...moves.forward.map((s) => ({ value: s, label: pick(STAGE_LABEL[s]) })),
                  ...moves.back.map((s) => ({
                    value: s,
                    label: pick({
                      zh: `退回：${STAGE_LABEL[s].zh}（更正）`,
                      en: `Back: ${STAGE_LABEL[s].en} (correction)`,
                    }),
                  })),
                ]}
              />
            </Form.Item>
            {!back && (
              <Form.Item
                label={pick({ zh: '达到日期', en: 'Date reached' })}
                style={{ marginBottom: 0 }}
              >
                <DatePicker value={date} onChange={(d) => setDate(d)} data-testid="move-date" />
              </Form.Item>
            )}
            <Button
              type="primary"
              loading={saving}
              disabled={!to}
              onClick={() => void submit()}
              data-testid="move-submit"
            >
              {pick({ zh: '确定', en: 'Apply' })}
            </Button>
          </Space>
          {back && (
            <Form.Item label={pick({ zh: '退回原因', en: 'Reason' })} style={{ marginTop: 12 }}>
              <Input.TextArea
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
              />
            </Form.Item>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginTop: 12 }}
              data-testid="move-error"
            />
          )}
        </Form>
      )}

      <h3 className="jx-section">{pick({ zh: '阶段变更记录', en: 'Stage history' })}</h3>
      <LoadState
        loading={history.loading && !history.data}
        error={history.error}
        reload={history.reload}
      >
        <Timeline
          items={(history.data ?? []).map((h) => ({
            color: h.kind === 'back' ? 'orange' : 'blue',
            content: (
              <div>
                <strong>
                  {h.kind === 'back'
                    ? pick({
                        zh: `退回至「${h.toStageLabel}」`,
                        en: `Back to ${STAGE_LABEL[h.toStage].en}`,
                      })
                    : `${pick(STAGE_LABEL[h.toStage])}${h.reachedOn ? ` · ${h.reachedOn}` : ''}`}
                </strong>
                <div className="jx-muted">
                  {h.changedByName} · {h.changedAt.slice(0, 16).replace('T', ' ')}
                  {h.reason ? ` · ${h.reason}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      </LoadState>
    </Drawer>
  );
}
