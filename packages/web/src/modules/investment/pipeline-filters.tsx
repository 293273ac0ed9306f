// The filters of the pipeline's board and list: key projects, responsible unit, stage (list only), the year's
// active projects, a search, and the 达到 filter set from the live indicators (removable).
import { PIPELINE_STAGES, STAGE_LABEL } from '@jixiao/core/investment/index';
import { Input, Select, Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PipelineFilters, PipelineStage, UnitRef } from './investment-api.ts';

interface Props {
  filters: PipelineFilters;
  set: (patch: Partial<PipelineFilters>) => void;
}

function KeyAndUnit({ filters, set, units }: Props & { units: UnitRef[] }) {
  const { pick } = useI18n();
  return (
    <>
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={pick({ zh: '重点/非重点', en: 'Key or not' })}
        aria-label={pick({ zh: '重点项目', en: 'Key projects' })}
        value={filters.key}
        onChange={(v: 'true' | 'false' | undefined) => set({ key: v })}
        options={[
          { value: 'true', label: pick({ zh: '重点项目', en: 'Key projects' }) },
          { value: 'false', label: pick({ zh: '非重点项目', en: 'Other projects' }) },
        ]}
        data-testid="filter-key"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
        placeholder={pick({ zh: '责任单位', en: 'Responsible unit' })}
        aria-label={pick({ zh: '责任单位', en: 'Responsible unit' })}
        value={filters.unit}
        onChange={(v: string | undefined) => set({ unit: v })}
        options={units.map((u) => ({ value: u.code, label: u.name }))}
      />
    </>
  );
}

function StageFilter({ filters, set }: Props) {
  const { pick } = useI18n();
  return (
    <Select<PipelineStage[]>
      mode="multiple"
      allowClear
      style={{ minWidth: 200 }}
      placeholder={pick({ zh: '当前阶段', en: 'Stage' })}
      aria-label={pick({ zh: '当前阶段', en: 'Stage' })}
      value={filters.stage}
      onChange={(v) => set({ stage: v })}
      options={PIPELINE_STAGES.map((s) => ({ value: s, label: pick(STAGE_LABEL[s]) }))}
    />
  );
}

function YearAndSearch({ filters, set, year }: Props & { year: number }) {
  const { pick } = useI18n();
  return (
    <>
      <Select
        allowClear
        style={{ width: 170 }}
        placeholder={pick({ zh: '全部年度', en: 'All years' })}
        aria-label={pick({ zh: '年度', en: 'Year' })}
        value={filters.year}
        onChange={(v: number | undefined) => set({ year: v })}
        options={[
          { value: year, label: pick({ zh: `${year}年有推进的项目`, en: `Active in ${year}` }) },
        ]}
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={pick({ zh: '编号、名称或投资方', en: 'Code, name or investor' })}
        onSearch={(q) => set({ q })}
        aria-label={pick({ zh: '搜索', en: 'Search' })}
      />
    </>
  );
}

function ReachedTag({ filters, set }: Props) {
  const { pick } = useI18n();
  if (!filters.reachedStage) {
    return null;
  }
  const reached = `${pick(STAGE_LABEL[filters.reachedStage])} ${filters.reachedFrom ?? ''}–${filters.reachedTo ?? ''}`;
  return (
    <Tag
      closable
      onClose={() => set({ reachedStage: undefined, reachedFrom: undefined, reachedTo: undefined })}
      color="blue"
    >
      {pick({ zh: `达到「${reached}」`, en: `Reached ${reached}` })}
    </Tag>
  );
}

export function PipelineFilterBar({
  filters,
  set,
  units,
  year,
  withStage,
}: Props & { units: UnitRef[]; year: number; withStage: boolean }) {
  return (
    <Space wrap className="jx-inv-filters">
      <KeyAndUnit filters={filters} set={set} units={units} />
      {withStage && <StageFilter filters={filters} set={set} />}
      <YearAndSearch filters={filters} set={set} year={year} />
      <ReachedTag filters={filters} set={set} />
    </Space>
  );
}
