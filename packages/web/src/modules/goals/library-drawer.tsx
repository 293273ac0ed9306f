// 指标库: search reusable indicators and pick one to prefill the indicator form.
import { LEVEL2_TEXT } from '@jixiao/core/indicators/index';
import type { IndicatorLevel2 } from '@jixiao/core/indicators/index';
import { LEVEL1_TEXT, OPERATOR_SYMBOL } from '@jixiao/core/scoring/index';
import type { Level1, Operator } from '@jixiao/core/scoring/index';
import { Button, Drawer, Input, List, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { goalsApi, type IndicatorTemplate } from './goals-api.ts';

export function LibraryDrawer({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (t: IndicatorTemplate) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [level1, setLevel1] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<IndicatorTemplate[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      setError(null);
      goalsApi
        .library({ q: q.trim() || undefined, level1 })
        .then((body) => live && setItems(body))
        .catch((e: unknown) => live && setError(e))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, q, level1]);

  return (
    <Drawer open={open} onClose={onClose} title={t('goals.library')} size={560}>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('eval.level1')}
          aria-label={t('eval.level1')}
          value={level1}
          onChange={setLevel1}
          style={{ width: 140 }}
          options={(['OUTPUT', 'BENEFIT', 'SATISFACTION'] as Level1[]).map((l) => ({
            value: l,
            label: LEVEL1_TEXT[l],
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('goals.librarySearch')}
          aria-label={t('app.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </Space.Compact>
      <LoadState loading={loading && items.length === 0} error={error}>
        <List
          dataSource={items}
          locale={{ emptyText: t('goals.libraryEmpty') }}
          renderItem={(tpl) => (
            <List.Item
              actions={[
                <Button key="pick" size="small" type="primary" onClick={() => onPick(tpl)}>
                  {t('goals.pick')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {tpl.name}{' '}
                    <Tag>{OPERATOR_SYMBOL[tpl.operator as Operator] ?? tpl.operator}</Tag>
                    {tpl.unit && <Tag>{tpl.unit}</Tag>}
                  </span>
                }
                description={
                  <span className="jx-muted">
                    {tpl.field} · {LEVEL1_TEXT[tpl.level1 as Level1] ?? tpl.level1} /{' '}
                    {LEVEL2_TEXT[tpl.level2 as IndicatorLevel2] ?? tpl.level2}
                    {tpl.dataSource ? ` · ${tpl.dataSource}` : ''}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </LoadState>
    </Drawer>
  );
}
