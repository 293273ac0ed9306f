// The live-scoring form: every 评估要点 with its weight, a score (≤ weight, two decimals) or a 优/良/中/差 rating,
// a note (required below full marks); the sums, the total and the conclusion come from core's scoreSheet and
// change as the assessor types — the very functions the server applies on saving.
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import {
  EXANTE_CONCLUSION_TEXT,
  scoreSheet,
  type ExAnteRating,
  type ExAnteTemplate,
  type PointInput,
  type RatingShares,
  type SheetRow,
} from '@jixiao/core/exante/index';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONCLUSION_COLOR } from './exante-api.ts';

export interface ScoreFormValue {
  scores: PointInput[];
  summary: string;
  suggestions: string;
}

const RATINGS: ExAnteRating[] = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
const RATING_LABEL: Record<ExAnteRating, string> = {
  EXCELLENT: '优',
  GOOD: '良',
  FAIR: '中',
  POOR: '差',
};

export function ScoreForm({
  template,
  shares,
  initial,
  busy,
  onSave,
  onSubmit,
}: {
  template: ExAnteTemplate;
  shares: RatingShares;
  initial: ScoreFormValue;
  busy: boolean;
  onSave: (v: ScoreFormValue) => void;
  onSubmit: (v: ScoreFormValue) => void;
}) {
  const { t } = useI18n();
  const [inputs, setInputs] = useState(() => new Map(initial.scores.map((s) => [s.pointCode, s])));
  const [summary, setSummary] = useState(initial.summary);
  const [suggestions, setSuggestions] = useState(initial.suggestions);
  const scores = useMemo(() => [...inputs.values()], [inputs]);
  const sheet = useMemo(() => scoreSheet(template, scores, shares), [template, scores, shares]);
  const problems = new Map(sheet.problems.map((p) => [p.pointCode, p]));
  const set = (code: string, patch: Partial<PointInput>) =>
    setInputs((m) => new Map(m).set(code, { ...m.get(code), pointCode: code, ...patch }));
  const value = (): ScoreFormValue => ({ scores, summary, suggestions });

  return (
    <div data-testid="exante-score-form">
      <Table<SheetRow>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={sheet.rows}
        columns={[
          {
            title: t('exante.point'),
            dataIndex: 'name',
            render: (v: string, r) =>
              r.level === 3 ? <span style={{ paddingLeft: 24 }}>{v}</span> : <b>{v}</b>,
          },
          { title: t('exante.weight'), dataIndex: 'weight', width: 70, align: 'right' },
          {
            title: t('exante.rating'),
            key: 'rating',
            width: 90,
            render: (_v, r) =>
              r.level === 3 && (
                <Select<ExAnteRating>
                  size="small"
                  allowClear
                  style={{ width: 70 }}
                  value={inputs.get(r.code)?.rating ?? undefined}
                  options={RATINGS.map((x) => ({ value: x, label: RATING_LABEL[x] }))}
                  onChange={(x) => set(r.code, { rating: x ?? null, score: null })}
                  aria-label={`${r.code} ${t('exante.rating')}`}
                />
              ),
          },
          {
            title: t('exante.score'),
            key: 'score',
            width: 100,
            render: (_v, r) =>
              r.level === 3 ? (
                <Input
                  size="small"
                  value={
                    inputs.get(r.code)?.score ?? (inputs.get(r.code)?.rating ? (r.score ?? '') : '')
                  }
                  status={
                    problems.get(r.code)?.code === 'NOTE_REQUIRED' ||
                    !problems.get(r.code) ||
                    problems.get(r.code)?.code === 'MISSING'
                      ? undefined
                      : 'error'
                  }
                  onChange={(e) => set(r.code, { score: e.target.value, rating: null })}
                  data-testid={`score-${r.code}`}
                  aria-label={`${r.code} ${t('exante.score')}`}
                />
              ) : (
                <b>{r.score ?? '—'}</b>
              ),
          },
          {
            title: t('exante.note'),
            key: 'note',
            render: (_v, r) =>
              r.level === 3 && (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Input
                    size="small"
                    value={inputs.get(r.code)?.note ?? ''}
                    onChange={(e) => set(r.code, { note: e.target.value })}
                    data-testid={`note-${r.code}`}
                    aria-label={`${r.code} ${t('exante.note')}`}
                  />
                  {problems.get(r.code) && problems.get(r.code)?.code !== 'MISSING' && (
                    <span style={{ color: '#cf1322', fontSize: 12 }}>
                      {problems.get(r.code)?.zh}
                    </span>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Alert
        style={{ margin: '12px 0' }}
        type={sheet.complete ? 'success' : 'info'}
        data-testid="exante-live-total"
        message={
          <span>
            {t('exante.total')} <b>{sheet.total}</b> / {sheet.maxTotal} ·{' '}
            <Tag color={CONCLUSION_COLOR[sheet.conclusion]}>
              {EXANTE_CONCLUSION_TEXT[sheet.conclusion].zh}
            </Tag>
            {!sheet.complete && t('exante.incomplete', { n: sheet.problems.length })}
          </span>
        }
      />
      <Input.TextArea
        rows={2}
        placeholder={t('exante.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        aria-label={t('exante.summary')}
      />
      <Input.TextArea
        rows={2}
        style={{ marginTop: 8 }}
        placeholder={t('exante.suggestions')}
        value={suggestions}
        onChange={(e) => setSuggestions(e.target.value)}
        aria-label={t('exante.suggestions')}
      />
      <Space style={{ marginTop: 12 }}>
        <Button loading={busy} onClick={() => onSave(value())} data-testid="exante-save">
          {t('exante.save')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={!sheet.complete}
          onClick={() => onSubmit(value())}
          data-testid="exante-submit"
        >
          {t('exante.submit')}
        </Button>
      </Space>
    </div>
  );
}
