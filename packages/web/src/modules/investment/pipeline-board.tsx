// 项目看板: one column per stage (线索 → 洽谈 → 签约 → 注册落地 → 开工/开业) with its count and planned
// investment, and the most recently moved projects as cards; a card opens the project.
import { Card, Empty, Tag, Tooltip } from 'antd';
import { useEffect } from 'react';
import { STAGE_LABEL } from '@jixiao/core/investment/index';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { MoneyText, moneyText } from '../../ui/money-text.tsx';
import {
  deptBase,
  filterQuery,
  type BoardColumn,
  type InvestmentProject,
  type PipelineFilters,
} from './investment-api.ts';

export function PipelineBoard({
  code,
  filters,
  onOpen,
  refreshKey,
}: {
  code: string;
  filters: PipelineFilters;
  onOpen: (p: InvestmentProject) => void;
  refreshKey: number;
}) {
  const { pick } = useI18n();
  const board = useApi<BoardColumn[]>(
    `${deptBase(code)}/investment-projects/board`,
    filterQuery(filters),
  );
  const { reload } = board;
  useEffect(() => {
    if (refreshKey > 0) {
      reload();
    }
  }, [refreshKey, reload]);
  return (
    <LoadState loading={board.loading && !board.data} error={board.error} reload={board.reload}>
      <div className="jx-inv-board" data-testid="pipeline-board">
        {(board.data ?? []).map((col) => (
          <section
            key={col.stage}
            className={`jx-inv-col jx-inv-col-${col.stage.toLowerCase()}`}
            aria-label={pick(STAGE_LABEL[col.stage])}
            data-testid={`board-col-${col.stage}`}
          >
            <header className="jx-inv-col-head">
              <span className="jx-inv-col-title">{pick(STAGE_LABEL[col.stage])}</span>
              <span className="jx-inv-col-count" data-testid={`board-count-${col.stage}`}>
                {col.count}
              </span>
              <div className="jx-inv-col-sum">
                {pick({ zh: '计划投资', en: 'Planned' })} <MoneyText yuan={col.investmentYuan} />
              </div>
            </header>
            <div className="jx-inv-cards">
              {col.items.length === 0 && (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={pick({ zh: '暂无项目', en: 'None' })}
                />
              )}
              {col.items.map((p) => (
                <Card
                  key={p.id}
                  size="small"
                  hoverable
                  className="jx-inv-card"
                  onClick={() => onOpen(p)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      onOpen(p);
                    }
                  }}
                  tabIndex={0}
                  role="button"
                >
                  <div className="jx-inv-card-title">
                    {p.isKeyProject && (
                      <Tag color="red" className="jx-inv-key">
                        {pick({ zh: '重点', en: 'Key' })}
                      </Tag>
                    )}
                    <Tooltip title={p.name}>
                      <span>{p.name}</span>
                    </Tooltip>
                  </div>
                  <div className="jx-muted jx-inv-card-line">{p.investor}</div>
                  <div className="jx-inv-card-foot">
                    <span>{p.responsibleUnit.name}</span>
                    <span className="jx-num" title={moneyText({ yuan: p.plannedInvestmentYuan })}>
                      {moneyText({ yuan: p.plannedInvestmentYuan })}
                    </span>
                  </div>
                  <div className="jx-muted jx-inv-card-date">
                    {pick(STAGE_LABEL[p.stage])} {p.stageDates[p.stage]}
                  </div>
                </Card>
              ))}
              {col.count > col.items.length && (
                <div className="jx-muted jx-inv-more">
                  {pick({
                    zh: `另有 ${col.count - col.items.length} 个，见项目列表`,
                    en: `${col.count - col.items.length} more in the list`,
                  })}
                </div>
              )}
            </div>
          </section>
        ))}
      </div>
    </LoadState>
  );
}
