// Words of the investment bureau's business: how a project was sourced (招商方式), the kinds of
// responsible unit (部门 / 街道), enterprise-request categories, and GB/T 4754-2017 industry codes.
import type { Bilingual } from '../result.ts';

export const PROJECT_SOURCES = [
  'BUILDING_CHIEF',
  'CHAIN_LEADER',
  'BUSINESS_REFERRAL',
  'AGENCY',
  'EXHIBITION',
  'FUND',
  'OTHER',
] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];

export const PROJECT_SOURCE_LABEL: Readonly<Record<ProjectSource, Bilingual>> = {
  BUILDING_CHIEF: { zh: '楼长招商', en: 'Building chief' },
  CHAIN_LEADER: { zh: '链主招商', en: 'Chain leader' },
  BUSINESS_REFERRAL: { zh: '以商招商', en: 'Business referral' },
  AGENCY: { zh: '中介招商', en: 'Agency' },
  EXHIBITION: { zh: '展会招商', en: 'Exhibition' },
  FUND: { zh: '基金招商', en: 'Investment fund' },
  OTHER: { zh: '其他', en: 'Other' },
};

export function parseProjectSource(text: string): ProjectSource | null {
  const s = text.trim();
  if ((PROJECT_SOURCES as readonly string[]).includes(s.toUpperCase())) {
    return s.toUpperCase() as ProjectSource;
  }
  const found = PROJECT_SOURCES.find(
    (k) => PROJECT_SOURCE_LABEL[k].zh === s || PROJECT_SOURCE_LABEL[k].zh.replace('招商', '') === s,
  );
  return found ?? null;
}

export const UNIT_KINDS = ['department', 'subdistrict'] as const;
export type ResponsibleUnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABEL: Readonly<Record<ResponsibleUnitKind, Bilingual>> = {
  department: { zh: '部门', en: 'Department' },
  subdistrict: { zh: '街道', en: 'Sub-district' },
};

export const REQUEST_CATEGORIES = [
  'POLICY',
  'LAND_SPACE',
  'LABOUR_TALENT',
  'FINANCING',
  'APPROVAL',
  'MARKET',
  'OTHER',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_CATEGORY_LABEL: Readonly<Record<RequestCategory, Bilingual>> = {
  POLICY: { zh: '政策咨询与兑现', en: 'Policy' },
  LAND_SPACE: { zh: '用地与办公空间', en: 'Land and space' },
  LABOUR_TALENT: { zh: '用工与人才', en: 'Labour and talent' },
  FINANCING: { zh: '融资', en: 'Financing' },
  APPROVAL: { zh: '审批与证照', en: 'Approvals and licences' },
  MARKET: { zh: '市场拓展', en: 'Market access' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const REQUEST_STATUSES = ['open', 'closed', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABEL: Readonly<Record<RequestStatus, Bilingual>> = {
  open: { zh: '办理中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** A GB/T 4754-2017 class (国民经济行业分类): door letter + 2–4 digit code, e.g. "6513" 应用软件开发. */
export interface IndustryClass {
  code: string;
  name: string;
}

/** GB/T 4754 codes are 2 (大类), 3 (中类) or 4 (小类) digits. */
export function isIndustryCode(code: string): boolean {
  return /^\d{2,4}$/.test(code.trim());
}

/** The classes the bureau's projects most often fall in (a short list for pick lists; any valid code is accepted). */
export const COMMON_INDUSTRIES: readonly IndustryClass[] = [
  { code: '6511', name: '基础软件开发' },
  { code: '6513', name: '应用软件开发' },
  { code: '6520', name: '集成电路设计' },
  { code: '6531', name: '信息系统集成服务' },
  { code: '6532', name: '物联网技术服务' },
  { code: '6550', name: '信息处理和存储支持服务' },
  { code: '6560', name: '信息技术咨询服务' },
  { code: '6572', name: '动漫、游戏数字内容服务' },
  { code: '6429', name: '互联网其他信息服务' },
  { code: '6431', name: '互联网生产服务平台' },
  { code: '6450', name: '互联网数据服务' },
  { code: '7211', name: '企业总部管理' },
  { code: '7212', name: '投资与资产管理' },
  { code: '7224', name: '供应链管理服务' },
  { code: '7251', name: '互联网广告服务' },
  { code: '7281', name: '科技会展服务' },
  { code: '7340', name: '医学研究和试验发展' },
  { code: '5131', name: '纺织品、针织品及原料批发' },
  { code: '5132', name: '服装批发' },
];
