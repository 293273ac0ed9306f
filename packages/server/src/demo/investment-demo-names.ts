// Words the investment demo invents names from (brands, cities, industries, people, request texts, policy
// packages), and the helpers that draw credit codes and amounts summing to a total.
import {
  COMMON_INDUSTRIES,
  creditCodeCheckChar,
  type ProjectSource,
  type RequestCategory,
} from '@jixiao/core/investment/index';
import {
  Rand,
} from './demo-random.ts';

// ---- vocabulary for invented names ----

export const BRANDS = ['星河', '瀚海', '云帆', '启明', '卓越', '恒信', '鼎盛', '博远', '智汇', '领航', '天枢', '晨曦', '远景', '华章', '锦程', '青岚', '汇通', '海纳', '明德', '嘉禾', '润泽', '宏图', '睿思', '悦达', '金穗', '珠联', '粤海', '岭南', '新洲', '晴川', '知行', '致远', '凌云', '广润', '泰和', '安澜', '若水', '拓维', '德馨', '长风'];
export const CITIES = [
  { name: '广州', weight: 40 },
  { name: '深圳', weight: 18 },
  { name: '香港', weight: 10 },
  { name: '上海', weight: 9 },
  { name: '北京', weight: 9 },
  { name: '杭州', weight: 6 },
  { name: '佛山', weight: 4 },
  { name: '东莞', weight: 4 },
];
export const INDUSTRY_WORDS: Readonly<Record<string, { word: string; weight: number }>> = {
  '6511': { word: '基础软件', weight: 3 },
  '6513': { word: '软件科技', weight: 14 },
  '6520': { word: '微电子', weight: 4 },
  '6531': { word: '信息系统', weight: 6 },
  '6532': { word: '物联科技', weight: 5 },
  '6550': { word: '数据服务', weight: 6 },
  '6560': { word: '信息咨询', weight: 4 },
  '6572': { word: '互动娱乐', weight: 7 },
  '6429': { word: '网络科技', weight: 6 },
  '6431': { word: '产业互联网', weight: 6 },
  '6450': { word: '数据科技', weight: 5 },
  '7211': { word: '控股', weight: 5 },
  '7212': { word: '投资管理', weight: 4 },
  '7224': { word: '供应链管理', weight: 6 },
  '7251': { word: '数字营销', weight: 4 },
  '7281': { word: '会展服务', weight: 6 },
  '7340': { word: '医药研发', weight: 3 },
  '5131': { word: '纺织', weight: 3 },
  '5132': { word: '服饰', weight: 3 },
};
export const INDUSTRIES = COMMON_INDUSTRIES.map((i) => ({ ...i, word: INDUSTRY_WORDS[i.code]?.word ?? '科技', weight: INDUSTRY_WORDS[i.code]?.weight ?? 1 }));
export const PROJECT_KINDS = ['华南总部', '区域总部', '研发中心', '结算中心', '创新中心', '数字经济产业基地', '运营中心', '技术服务中心'];
export const SOURCES: readonly { code: ProjectSource; weight: number }[] = [
  { code: 'BUILDING_CHIEF', weight: 22 },
  { code: 'CHAIN_LEADER', weight: 18 },
  { code: 'BUSINESS_REFERRAL', weight: 22 },
  { code: 'AGENCY', weight: 12 },
  { code: 'EXHIBITION', weight: 16 },
  { code: 'FUND', weight: 6 },
  { code: 'OTHER', weight: 4 },
];
export const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '何', '罗', '郑', '周', '谢', '杨', '冯', '邓', '麦', '区'];
export const GIVEN = ['志明', '海燕', '建华', '晓东', '丽娟', '伟强', '敏', '静', '嘉豪', '颖', '文杰', '慧玲', '国栋', '思远', '雅琪', '永康', '俊峰', '婉婷'];
export const REQUEST_TEXT: Readonly<Record<RequestCategory, { weight: number; summaries: string[]; closures: string[] }>> = {
  POLICY: { weight: 30, summaries: ['咨询“10+1”楼宇经济政策申报条件', '申请新落地企业开办补贴', '咨询产业互联网扶持政策兑现进度', '了解惠企政策包奖励申报材料'], closures: ['已上门解读政策并指导完成申报', '已协调区财政局按批次兑现', '已答复申报条件及材料清单'] },
  LAND_SPACE: { weight: 16, summaries: ['新增研发办公场地需求', '寻找琶洲片区总部办公楼宇', '协调厂房租赁续期', '申请人才公寓配套'], closures: ['已推荐3处楼宇并组织看楼', '已协调业主达成续租', '已纳入楼宇招商资源库对接'] },
  LABOUR_TALENT: { weight: 14, summaries: ['高层次人才子女入学咨询', '协助招聘软件研发人员', '人才绿卡办理咨询'], closures: ['已对接区人社局专场招聘', '已协调教育部门安排学位', '已指导办理人才绿卡'] },
  FINANCING: { weight: 10, summaries: ['申请科技信贷风险补偿', '对接产业基金融资', '咨询上市培育政策'], closures: ['已对接合作银行完成授信', '已推荐产业基金并安排路演', '已纳入上市后备企业库'] },
  APPROVAL: { weight: 14, summaries: ['协调消防验收进度', '办理食品经营许可证', '变更注册地址咨询'], closures: ['已协调相关部门完成验收', '已指导通过一网通办办结', '已完成地址变更登记'] },
  MARKET: { weight: 10, summaries: ['参加进出口商品交易会展位需求', '对接链主企业采购需求', '拓展应用场景合作'], closures: ['已推荐参加琶洲会展对接活动', '已组织供需对接会', '已发布应用场景需求'] },
  OTHER: { weight: 6, summaries: ['周边交通配套改善建议', '企业用电增容申请'], closures: ['已转交属地街道跟进办结', '已协调供电部门完成增容'] },
};
export const PACKAGES = [
  { code: 'HZ-2023-LYJJ', name: '“10+1”政策（楼宇经济）', description: '支持楼宇经济高质量发展，对新入驻重点楼宇的企业给予租金和经营贡献奖励（示例）', weight: 30 },
  { code: 'HZ-2023-CYHLW', name: '“10+1”政策（产业互联网）', description: '支持产业互联网平台建设和应用场景落地（示例）', weight: 22 },
  { code: 'HZ-2023-KBBT', name: '新落地企业开办补贴', description: '对新注册落地的重点招商项目给予开办补贴（示例）', weight: 28 },
  { code: 'HZ-2023-HQJL', name: '惠企政策包奖励资金', description: '对营收和纳税增长达标的企业给予奖励（示例）', weight: 20 },
];
/** TZCJ-XM-002 executed 354,001,100.00 元 in 2023 (the ledger): the grants of 2023 add up to it exactly. */
export const GRANTS_TOTAL_FEN = 35_400_110_000;
export const BATCH_MONTHS = [3, 6, 9, 12];

export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function creditCode(r: Rand): string {
  let body = '91440105MA';
  for (let i = 0; i < 7; i++) {
    body += r.pick([...CREDIT_CHARS]);
  }
  return body + creditCodeCheckChar(body)!;
}

/** Adjusts whole numbers within [lo, hi] by ±1 steps until they sum to `target` (deterministic). */
export function fitSum(values: number[], target: number, lo: number, hi: number, r: Rand): number[] {
  const out = [...values];
  let sum = out.reduce((t, v) => t + v, 0);
  let guard = 0;
  while (sum !== target) {
    const i = r.int(0, out.length - 1);
    if (sum < target && out[i]! < hi) {
      out[i]!++;
      sum++;
    } else if (sum > target && out[i]! > lo) {
      out[i]!--;
      sum--;
    }
    if (++guard > 10_000_000) {
      throw new Error('investment demo: cannot reach the target sum');
    }
  }
  return out;
}

