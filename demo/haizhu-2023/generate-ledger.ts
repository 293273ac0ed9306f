// Generates demo/haizhu-2023/ledger.csv: a plausible 2023 expenditure ledger whose project totals equal
// the executed amounts of plan.json (基本支出 1,148.50, 招商引资业务工作经费 76.27, 专项 35,400.11 万元),
// and ledger-2024.csv for year-2024.json (its executedWan per project, 示例数据).
// Deterministic (fixed seeds). Run: node --import tsx demo/haizhu-2023/generate-ledger.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Plan {
  code: string;
  name: string;
  executedFen: number;
  /** Monthly weights (12), how spending is spread over the year. */
  monthWeights: number[];
  classes: { code: string; name: string; weight: number; summaries: string[] }[];
  rowsPerMonth: number;
}

const plans: Plan[] = [
  {
    code: 'TZCJ-JB-2023',
    name: '基本支出',
    executedFen: 1_148_50_0000,
    monthWeights: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12],
    classes: [
      { code: '30101', name: '基本工资', weight: 30, summaries: ['发放在职人员基本工资'] },
      { code: '30102', name: '津贴补贴', weight: 25, summaries: ['发放津贴补贴'] },
      { code: '30108', name: '机关事业单位基本养老保险缴费', weight: 15, summaries: ['缴纳养老保险'] },
      { code: '30201', name: '办公费', weight: 10, summaries: ['购买办公用品', '支付印刷费'] },
      { code: '30211', name: '差旅费', weight: 5, summaries: ['报销差旅费'] },
      { code: '30228', name: '工会经费', weight: 5, summaries: ['拨付工会经费'] },
      { code: '30239', name: '其他交通费用', weight: 10, summaries: ['发放交通补贴'] },
    ],
    rowsPerMonth: 9,
  },
  {
    code: 'TZCJ-XM-001',
    name: '招商引资业务工作经费',
    executedFen: 76_27_0000,
    monthWeights: [2, 4, 8, 10, 8, 9, 6, 8, 12, 11, 10, 12],
    classes: [
      { code: '30215', name: '会议费', weight: 35, summaries: ['招商推介会场地及会务费', '产业招商对接会会务费'] },
      { code: '30227', name: '委托业务费', weight: 30, summaries: ['招商项目信息咨询服务费', '推介活动策划执行费'] },
      { code: '30211', name: '差旅费', weight: 20, summaries: ['赴外地开展招商洽谈差旅费'] },
      { code: '30201', name: '办公费', weight: 15, summaries: ['招商宣传资料印制'] },
    ],
    rowsPerMonth: 3,
  },
  {
    code: 'TZCJ-XM-002',
    name: '产业扶持及惠企政策兑现专项资金',
    executedFen: 35_400_11_0000,
    monthWeights: [0, 2, 6, 10, 8, 10, 6, 8, 14, 12, 10, 14],
    classes: [
      { code: '31299', name: '其他对企业补助', weight: 70, summaries: ['“10+1”政策兑现（楼宇经济）', '“10+1”政策兑现（产业互联网）', '惠企政策包奖励资金'] },
      { code: '31204', name: '费用补贴', weight: 30, summaries: ['重点企业租金补贴', '新落地企业开办补贴'] },
    ],
    rowsPerMonth: 12,
  },
];

// Small deterministic PRNG (mulberry32).
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split an integer total into integer parts proportional to weights (largest remainder). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of order) {
    if (rest <= 0) {
      break;
    }
    parts[i] = (parts[i] ?? 0) + 1;
    rest -= 1;
  }
  return parts;
}

/** The ledger rows of one year: each plan's executed total spread over months and rows. */
function ledgerLines(year: number, yearPlans: Plan[], seed: number): string[] {
  const rand = prng(seed);
  const lines = ['支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号'];
  let voucher = 1;
  for (const p of yearPlans) {
    const byMonth = split(p.executedFen, p.monthWeights);
    byMonth.forEach((monthFen, mi) => {
      if (monthFen === 0) {
        return;
      }
      const n = p.rowsPerMonth;
      const weights = Array.from({ length: n }, () => 0.5 + rand());
      const rows = split(monthFen, weights);
      rows.forEach((fen, ri) => {
        const cls = p.classes[ri % p.classes.length]!;
        const summary = cls.summaries[ri % cls.summaries.length]!;
        const day = 1 + Math.floor(rand() * 27);
        const date = `${year}-${String(mi + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        lines.push(`${date},${p.code},${p.name},${cls.code} ${cls.name},${yuan},${summary},GK${year}-${String(voucher).padStart(5, '0')}`);
        voucher += 1;
      });
    });
  }
  return lines;
}

/** 2024: the same kinds of spending, with the executed totals of year-2024.json and the new project. */
function plans2024(dir: string): Plan[] {
  const year = JSON.parse(fs.readFileSync(path.join(dir, 'year-2024.json'), 'utf8')) as { executedWan: Record<string, string> };
  const fen = (code: string): number => Math.round(Number(year.executedWan[code]) * 1_000_000);
  const like = (code: string, newCode: string): Plan => ({ ...plans.find((p) => p.code === code)!, code: newCode, executedFen: fen(newCode) });
  return [
    like('TZCJ-JB-2023', 'TZCJ-JB-2024'),
    like('TZCJ-XM-001', 'TZCJ-XM-001'),
    like('TZCJ-XM-002', 'TZCJ-XM-002'),
    {
      code: 'TZCJ-XM-2024-01',
      name: '海珠区重点产业链精准招商服务项目',
      executedFen: fen('TZCJ-XM-2024-01'),
      monthWeights: [0, 2, 6, 8, 10, 10, 8, 10, 12, 12, 10, 12],
      classes: [
        { code: '30227', name: '委托业务费', weight: 50, summaries: ['产业链图谱编制服务费', '目标企业库建设服务费'] },
        { code: '30215', name: '会议费', weight: 35, summaries: ['产业链招商推介会会务费'] },
        { code: '30211', name: '差旅费', weight: 15, summaries: ['赴外地开展产业链招商差旅费'] },
      ],
      rowsPerMonth: 2,
    },
  ];
}

const here = path.dirname(fileURLToPath(import.meta.url));
for (const [file, lines] of [
  ['ledger.csv', ledgerLines(2023, plans, 20231231)],
  ['ledger-2024.csv', ledgerLines(2024, plans2024(here), 20241231)],
] as const) {
  const out = path.join(here, file);
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.length - 1} rows → ${file}\n`);
}
