// Default templates (§A.2): five dimensions × 20 points, each 2 groups × 2 points of 5 (the published scheme's
// visible rows; the rest follow the same pattern [CONV]). A region may replace them with its own (same shape).
import type { ExAnteDimension, ExAnteTemplate, ExAnteType } from './types.ts';

type Rows = readonly [string, readonly [string, string]][];

function dimension(code: ExAnteDimension, name: string, rows: Rows) {
  return {
    code,
    name,
    groups: rows.map(([groupName, [p1, p2]], gi) => ({
      code: `${code}.${gi + 1}`,
      name: groupName,
      points: [
        { code: `${code}.${gi + 1}.1`, name: p1, weight: '5' },
        { code: `${code}.${gi + 1}.2`, name: p2, weight: '5' },
      ],
    })),
  };
}

const PROJECT: ExAnteTemplate = {
  type: 'PROJECT',
  name: '事前绩效评估评分指标体系（项目）',
  dimensions: [
    dimension('NECESSITY', '立项必要性', [
      [
        '明确相关性',
        [
          '目的明确、内容具体',
          '符合国家/市/区规划、政府决策、社会发展要求，与实施单位职责密切相关',
        ],
      ],
      [
        '必要可行性',
        ['唯一性，与其他项目不重复交叉', '事前经过可行性研究、专家论证、风险评估、集体决策'],
      ],
    ]),
    dimension('ECONOMY', '投入经济性', [
      ['预算科学性', ['支出内容与部门职责相匹配', '预算明细清晰明确']],
      ['经济合理性', ['勤俭办事、量力而为', '测算依据充分，符合定额等支出标准']],
    ]),
    dimension('TARGET_REASONABLENESS', '绩效目标合理性', [
      ['完整性', ['格式规范、内容完整准确详实', '目标明确、内容具体']],
      ['相关性与可衡量性', ['与预算资金相匹配', '绩效指标细化量化、可衡量']],
    ]),
    dimension('FEASIBILITY', '实施方案可行性', [
      ['方案完整性', ['实施方案明确、进度安排合理', '组织机构健全、职责分工明确']],
      ['保障条件', ['管理制度健全、风险可控', '前期准备充分、实施条件具备']],
    ]),
    dimension('FUNDING_COMPLIANCE', '筹资合规性', [
      ['资金来源', ['资金来源渠道明确、合法合规', '属于公共财政支持范围、符合事权划分']],
      ['资金保障', ['筹资方案可行、资金到位有保障', '不存在以虚假方式套取财政资金的风险']],
    ]),
  ],
};

const POLICY: ExAnteTemplate = {
  type: 'POLICY',
  name: '事前绩效评估评分指标体系（政策）',
  dimensions: [
    dimension('NECESSITY', '政策设立必要性', [
      ['政策相关性', ['政策目的明确、内容具体', '符合国家及地方发展规划和政府决策']],
      ['政策必要性', ['与现有政策不重复交叉', '经过调研论证、风险评估、集体决策']],
    ]),
    dimension('ECONOMY', '政策保障充分性', [
      ['制度保障', ['配套管理制度完善', '部门职责分工明确']],
      ['资源保障', ['人员、技术等条件具备', '资金测算依据充分']],
    ]),
    dimension('TARGET_REASONABLENESS', '政策目标合理性', [
      ['目标完整性', ['政策目标明确、内容完整', '绩效指标细化量化、可衡量']],
      ['目标匹配性', ['目标与政策内容相匹配', '目标与资金规模相匹配']],
    ]),
    dimension('FEASIBILITY', '政策实施可持续性', [
      ['实施可行性', ['实施路径清晰、进度安排合理', '风险识别充分、应对措施可行']],
      ['可持续性', ['政策效果可持续', '财政承受能力可持续']],
    ]),
    dimension('FUNDING_COMPLIANCE', '政策资金合规性', [
      ['资金来源', ['资金来源渠道明确、合法合规', '属于公共财政支持范围、符合事权划分']],
      ['资金分配', ['资金分配方式科学、标准明确', '资金管理和监督机制健全']],
    ]),
  ],
};

/** The built-in template of a type (a fresh copy is not needed: templates are read-only data). */
export function defaultExAnteTemplate(type: ExAnteType): ExAnteTemplate {
  return type === 'PROJECT' ? PROJECT : POLICY;
}
