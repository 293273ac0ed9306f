// Test data: the worked example of domain-rules §3.9 as raw contract JSON (symbols and Chinese texts), fresh per call.
export interface RawIndicator {
  [key: string]: unknown;
  id: string;
}

export interface RawInput {
  [key: string]: unknown;
  version: unknown;
  rules?: Record<string, unknown>;
  subject: Record<string, unknown>;
  budget: Record<string, unknown>;
  indicators: RawIndicator[];
}

export function workedExample(): RawInput {
  return {
    version: 1,
    subject: {
      kind: 'project',
      name: '某区2024年招商推介活动经费',
      year: 2024,
      unit: '某区投资促进局',
    },
    budget: {
      initial: '100.00',
      adjusted: '120.00',
      executed: '114.00',
      weight: '10',
      note: '年中追加推介活动经费20万元。',
    },
    indicators: [
      {
        id: '1',
        level1: '产出指标',
        level2: '数量指标',
        name: '举办招商推介活动场次',
        operator: '≥',
        target: '12',
        actual: '10',
        unit: '场',
        weight: '20',
        deviationNote: '两场顺延至次年。',
      },
      {
        id: '2',
        level1: '产出指标',
        level2: '质量指标',
        name: '推介项目信息入库合格率',
        operator: '≥',
        target: '95',
        actual: '98',
        unit: '%',
        weight: '10',
      },
      {
        id: '3',
        level1: '产出指标',
        level2: '时效指标',
        name: '活动按计划时间完成率',
        operator: '＝',
        target: '100',
        actual: '100',
        unit: '%',
        weight: '10',
      },
      {
        id: '4',
        level1: '产出指标',
        level2: '成本指标',
        name: '单场活动平均成本',
        operator: '≤',
        target: '10',
        actual: '11.4',
        unit: '万元/场',
        weight: '10',
        deviationNote: '场地租金上涨。',
      },
      {
        id: '5',
        level1: '效益指标',
        level2: '经济效益指标',
        name: '推动新注册落地项目数',
        operator: '≥',
        target: '50',
        actual: '70',
        unit: '个',
        weight: '15',
        deviationNote: '新增两个园区。',
      },
      {
        id: '6',
        level1: '效益指标',
        level2: '社会效益指标',
        name: '惠企政策知晓度',
        operator: '定性',
        target: '明显提升',
        actual: '部分达成年度指标并具有一定效果',
        weight: '15',
        score: '10.50',
      },
      {
        id: '7',
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '企业满意度',
        operator: '≥',
        target: '90',
        actual: '92',
        unit: '%',
        weight: '10',
      },
    ],
  };
}

/** The indicator with this id (throws in a test when it is missing). */
export function indicator(input: RawInput, id: string): RawIndicator {
  const found = input.indicators.find((i) => i.id === id);
  if (found === undefined) {
    throw new Error(`no indicator ${id}`);
  }
  return found;
}
