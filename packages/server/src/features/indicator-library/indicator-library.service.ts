// The indicator library (指标库): search the shipped templates (investment promotion + common 产出/效益/满意度 set)
// and a region's own; the finance bureau may add templates. Seeded idempotently on start and with the demo.
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Level1, Level2, Operator } from '../../db/schema/goals.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import * as repo from './indicator-library.repository.ts';
import { level2Allowed, LEVEL1_TEXT, LEVEL2_TEXT, OPERATOR_SYMBOL } from '@jixiao/core';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

type T = [
  field: string,
  level1: Level1,
  level2: Level2,
  name: string,
  unit: string,
  operator: Operator,
  dataSource: string,
  description: string,
];

/** The shipped library: 投资促进 (招商引资、企业服务) and 通用 indicators of the 产出/效益/满意度 framework. */
const BUILTIN: readonly T[] = [
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '新洽谈重点招商项目数',
    '个',
    'GE',
    '招商项目库（洽谈阶段重点项目）',
    '年度内新进入洽谈阶段的重点招商项目个数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '注册落地项目数',
    '个',
    'GE',
    '招商项目库（注册落地阶段）',
    '年度内完成工商注册、落地本区的招商项目个数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '签约项目数',
    '个',
    'GE',
    '招商项目库（签约阶段）',
    '年度内签订投资协议的招商项目个数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '招商推介活动场次',
    '场',
    'GE',
    '活动台账',
    '举办和参加的招商推介、项目对接活动场次',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '走访服务企业数',
    '家',
    'GE',
    '首席服务官（CSO）走访台账',
    '首席服务官走访、服务重点企业户数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUANTITY',
    '政策兑现企业数',
    '家',
    'GE',
    '政策兑现台账',
    '获得惠企政策资金兑现的企业户数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUALITY',
    '企业诉求办结率',
    '%',
    'GE',
    '企业诉求台账',
    '已办结诉求数 / 受理诉求数 × 100%',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUALITY',
    '企业诉求按期办结率',
    '%',
    'GE',
    '企业诉求台账',
    '按期办结诉求数 / 到期诉求数 × 100%',
  ],
  [
    '投资促进',
    'OUTPUT',
    'QUALITY',
    '招商项目信息入库合格率',
    '%',
    'GE',
    '招商项目库',
    '信息完整、核验通过的入库项目 / 入库项目总数 × 100%',
  ],
  [
    '投资促进',
    'OUTPUT',
    'TIMELINESS',
    '企业诉求平均办结时长',
    '个工作日',
    'LE',
    '企业诉求台账',
    '诉求受理至办结的平均工作日数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'TIMELINESS',
    '政策资金兑现平均时长',
    '天',
    'LE',
    '政策兑现台账',
    '申报受理至资金拨付的平均天数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'COST',
    '单个项目平均招商成本',
    '万元/个',
    'LE',
    '财务账 + 招商项目库',
    '招商经费支出 / 注册落地项目数',
  ],
  [
    '投资促进',
    'OUTPUT',
    'COST',
    '单场推介活动平均成本',
    '万元/场',
    'LE',
    '财务账 + 活动台账',
    '推介活动支出 / 活动场次',
  ],
  [
    '投资促进',
    'BENEFIT',
    'ECONOMIC',
    '签约项目投资额',
    '亿元',
    'GE',
    '招商项目库（签约阶段）',
    '年度签约项目协议投资总额',
  ],
  [
    '投资促进',
    'BENEFIT',
    'ECONOMIC',
    '实际利用外资额',
    '亿美元',
    'GE',
    '商务部门统计',
    '年度实际使用外资金额',
  ],
  [
    '投资促进',
    'BENEFIT',
    'ECONOMIC',
    '落地项目注册资本',
    '亿元',
    'GE',
    '市场监管登记信息',
    '年度注册落地项目的注册资本合计',
  ],
  [
    '投资促进',
    'BENEFIT',
    'ECONOMIC',
    '受扶持企业营业收入增长率',
    '%',
    'GE',
    '统计部门 / 企业报表',
    '受扶持企业本年营业收入较上年增长的百分比',
  ],
  [
    '投资促进',
    'BENEFIT',
    'SOCIAL',
    '新增商事主体数',
    '户',
    'GE',
    '市场监管登记信息',
    '年度新登记的商事主体（企业、个体工商户）户数',
  ],
  [
    '投资促进',
    'BENEFIT',
    'SOCIAL',
    '带动新增就业人数',
    '人',
    'GE',
    '人社部门 / 企业填报',
    '落地项目带动的新增就业岗位',
  ],
  [
    '投资促进',
    'BENEFIT',
    'SOCIAL',
    '惠企政策知晓度',
    '',
    'QUAL',
    '问卷调查',
    '企业对惠企政策的了解程度（定性：明显提升 / 有所提升 / 未提升）',
  ],
  [
    '投资促进',
    'BENEFIT',
    'SUSTAINABLE',
    '重点产业链招商项目占比',
    '%',
    'GE',
    '招商项目库',
    '重点产业链项目 / 落地项目总数 × 100%',
  ],
  [
    '投资促进',
    'SATISFACTION',
    'SERVICE_SATISFACTION',
    '企业满意度',
    '%',
    'GE',
    '问卷调查 / 第三方测评',
    '对营商服务满意的企业比例',
  ],
  [
    '投资促进',
    'SATISFACTION',
    'SERVICE_SATISFACTION',
    '参会企业满意度',
    '%',
    'GE',
    '活动问卷',
    '推介活动参会企业的满意比例',
  ],
  [
    '通用',
    'OUTPUT',
    'QUANTITY',
    '实际完成率',
    '%',
    'GE',
    '工作台账',
    '实际完成工作量 / 计划工作量 × 100%',
  ],
  [
    '通用',
    'OUTPUT',
    'QUALITY',
    '质量达标率',
    '%',
    'GE',
    '验收记录',
    '质量达标的产出数 / 实际产出数 × 100%',
  ],
  [
    '通用',
    'OUTPUT',
    'QUALITY',
    '资金拨付合规率',
    '%',
    'EQ',
    '财务账、审计结果',
    '合规拨付金额 / 拨付总额 × 100%',
  ],
  [
    '通用',
    'OUTPUT',
    'TIMELINESS',
    '完成及时率',
    '%',
    'GE',
    '工作台账',
    '按计划时间完成的事项 / 应完成事项 × 100%',
  ],
  [
    '通用',
    'OUTPUT',
    'TIMELINESS',
    '重点工作办结率',
    '%',
    'GE',
    '督办台账',
    '按期办结的重点工作 / 重点工作总数 × 100%',
  ],
  [
    '通用',
    'OUTPUT',
    'COST',
    '成本节约率',
    '%',
    'GE',
    '财务账',
    '(计划成本 − 实际成本) / 计划成本 × 100%',
  ],
  ['通用', 'OUTPUT', 'COST', '预算控制率', '%', 'LE', '财务账', '实际支出 / 预算数 × 100%'],
  [
    '通用',
    'BENEFIT',
    'ECONOMIC',
    '经济效益',
    '',
    'QUAL',
    '统计数据 / 评估报告',
    '项目实施带来的直接或间接经济效益（定性）',
  ],
  [
    '通用',
    'BENEFIT',
    'SOCIAL',
    '社会效益',
    '',
    'QUAL',
    '评估报告',
    '项目实施带来的社会效益（定性）',
  ],
  [
    '通用',
    'BENEFIT',
    'ECOLOGICAL',
    '生态效益',
    '',
    'QUAL',
    '环境监测 / 评估报告',
    '项目实施带来的生态环境效益（定性）',
  ],
  [
    '通用',
    'BENEFIT',
    'SUSTAINABLE',
    '长效管理机制健全性',
    '',
    'QUAL',
    '制度文件',
    '是否建立可持续运行的管理制度（定性）',
  ],
  [
    '通用',
    'SATISFACTION',
    'SERVICE_SATISFACTION',
    '服务对象满意度',
    '%',
    'GE',
    '问卷调查',
    '服务对象中满意者的比例',
  ],
  [
    '通用',
    'SATISFACTION',
    'SERVICE_SATISFACTION',
    '社会公众满意度',
    '%',
    'GE',
    '问卷调查 / 第三方测评',
    '社会公众中满意者的比例',
  ],
];

export const BUILTIN_TEMPLATE_COUNT = BUILTIN.length;

/** Insert the shipped templates that are missing (by field + name); safe to run on every start. */
export async function ensureIndicatorLibrary(db: Queryable): Promise<number> {
  return db.transaction(async (tx) => {
    const added = await repo.insertTemplatesIfMissing(
      tx,
      BUILTIN.map(([field, level1, level2, name, unit, operator, dataSource, description]) => ({
        field,
        level1,
        level2,
        name,
        unit,
        operator,
        dataSource,
        description,
        builtin: true,
        regionCode: null,
        createdBy: 'system',
      })),
    );
    if (added > 0) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'indicatorTemplate.seed',
        entity: 'indicator_templates',
        entityId: 'builtin',
        departmentCode: null,
        before: null,
        after: { added },
      });
    }
    return added;
  });
}

export interface TemplateView {
  id: string;
  field: string;
  level1: Level1;
  level1Label: string;
  level2: Level2;
  level2Label: string;
  name: string;
  unit: string;
  operator: Operator;
  operatorSymbol: string;
  dataSource: string | null;
  description: string | null;
  builtin: boolean;
}

function view(t: repo.TemplateRow): TemplateView {
  return {
    id: t.id,
    field: t.field,
    level1: t.level1,
    level1Label: LEVEL1_TEXT[t.level1],
    level2: t.level2,
    level2Label: LEVEL2_TEXT[t.level2],
    name: t.name,
    unit: t.unit,
    operator: t.operator,
    operatorSymbol: OPERATOR_SYMBOL[t.operator],
    dataSource: t.dataSource,
    description: t.description,
    builtin: t.builtin,
  };
}

export async function listTemplates(
  db: Db,
  actor: Actor,
  filter: Omit<repo.TemplateFilter, 'regionCode'>,
): Promise<TemplateView[]> {
  assertPermission(actor, 'library.read');
  const rows = (await repo.searchTemplates(db, { ...filter, regionCode: actor.regionCode })).map(
    view,
  );
  const q = filter.q?.trim();
  if (!q) {
    return rows;
  }
  // exact name first, then names containing the words, then matches in the description only
  const rank = (t: TemplateView): number => (t.name === q ? 0 : t.name.includes(q) ? 1 : 2);
  return rows
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map((x) => x.t);
}

export async function getTemplate(db: Db, actor: Actor, id: string): Promise<TemplateView> {
  assertPermission(actor, 'library.read');
  const t = await repo.findTemplate(db, id);
  if (
    !t ||
    (t.regionCode !== null && actor.regionCode !== '*' && t.regionCode !== actor.regionCode)
  ) {
    throw notFound(`指标库模板「${id}」`, `Indicator template ${id}`);
  }
  return view(t);
}

export interface NewTemplateInput {
  field: string;
  level1: Level1;
  level2: Level2;
  name: string;
  unit: string;
  operator: Operator;
  dataSource?: string | null | undefined;
  description?: string | null | undefined;
}

export async function createTemplate(
  db: Db,
  actor: Actor,
  input: NewTemplateInput,
  now: Date,
): Promise<TemplateView> {
  assertPermission(actor, 'library.manage');
  if (!level2Allowed(input.level1, input.level2)) {
    throw new ServiceError('VALIDATION', {
      message: `二级指标「${LEVEL2_TEXT[input.level2]}」不属于一级指标「${LEVEL1_TEXT[input.level1]}」`,
      messageEn: `Level 2 ${input.level2} does not belong to level 1 ${input.level1}`,
    });
  }
  if (input.operator !== 'QUAL' && input.unit.trim() === '') {
    throw new ServiceError('VALIDATION', {
      message: '定量指标须填写计量单位',
      messageEn: 'A quantitative indicator needs a unit',
    });
  }
  return db.transaction(async (tx) => {
    if (await repo.findTemplateByName(tx, input.field.trim(), input.name.trim())) {
      throw new ServiceError('CONFLICT', {
        message: `指标库「${input.field.trim()}」领域已有「${input.name.trim()}」`,
        messageEn: `The library already has ${input.name} in ${input.field}`,
      });
    }
    const row = await repo.insertTemplate(tx, {
      field: input.field.trim(),
      level1: input.level1,
      level2: input.level2,
      name: input.name.trim(),
      unit: input.unit.trim(),
      operator: input.operator,
      dataSource: input.dataSource?.trim() || null,
      description: input.description?.trim() || null,
      builtin: false,
      regionCode: actor.regionCode === '*' ? null : actor.regionCode,
      createdBy: actor.username,
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'indicatorTemplate.create',
      entity: 'indicator_templates',
      entityId: row.id,
      departmentCode: actor.departmentCode,
      before: null,
      after: view(row),
    });
    return view(row);
  });
}
