// The fields of an investment project (招商项目) and their checks, shared by create, edit and the Excel
// import: required texts and their lengths, the project code's characters, a GB/T 4754 industry code, a
// planned investment in 万元 exact to the fen, a responsible unit of the region and a known source.
import { parseWanYuan, type Fen } from '../money.ts';
import { isIndustryCode, PROJECT_SOURCE_LABEL, PROJECT_SOURCES } from './vocabulary.ts';

export interface ProjectFields {
  code: string;
  name: string;
  investor: string;
  industryCode: string;
  industryName: string;
  /** 万元, up to 6 decimals (exact to the fen). */
  plannedInvestmentWan: string;
  isKeyProject: boolean;
  responsibleUnitCode: string;
  source: string;
  contact?: string | null;
  note?: string | null;
}

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export const PROJECT_FIELD_LABEL: Readonly<Record<string, string>> = {
  code: '项目编号',
  name: '项目名称',
  investor: '投资方',
  industryCode: '行业代码',
  industryName: '行业名称',
  plannedInvestmentWan: '计划投资额（万元）',
  responsibleUnitCode: '责任单位',
  source: '招商方式',
  stage: '当前阶段',
};

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;

type Add = (field: string, zh: string, en: string) => void;

function checkText(
  f: Partial<ProjectFields>,
  field: 'code' | 'name' | 'investor' | 'industryName',
  max: number,
  partial: boolean,
  add: Add,
): void {
  const v = f[field];
  if (v === undefined) {
    if (!partial) {
      add(field, '必填', 'required');
    }
    return;
  }
  if (v.trim() === '') {
    add(field, '不能为空', 'must not be empty');
  } else if (v.length > max) {
    add(field, `不超过 ${max} 个字`, `at most ${max} characters`);
  }
}

function checkCode(f: Partial<ProjectFields>, partial: boolean, add: Add): void {
  checkText(f, 'code', 40, partial, add);
  if (typeof f.code === 'string' && f.code.trim() !== '' && !CODE_PATTERN.test(f.code.trim())) {
    add('code', '只能由字母、数字和 - _ . / 组成', 'letters, digits and - _ . / only');
  }
}

function checkAmount(f: Partial<ProjectFields>, partial: boolean, add: Add): Fen | null {
  if (f.plannedInvestmentWan === undefined) {
    if (!partial) {
      add('plannedInvestmentWan', '必填', 'required');
    }
    return null;
  }
  const amount = parseWanYuan(f.plannedInvestmentWan);
  if (amount === null) {
    add(
      'plannedInvestmentWan',
      `「${f.plannedInvestmentWan}」不是有效金额（万元，最多 6 位小数，如 1250.5）`,
      'not an amount in 万元 with at most 6 decimals',
    );
    return null;
  }
  if (amount < 0) {
    add('plannedInvestmentWan', '不能为负数', 'must not be negative');
    return null;
  }
  return amount;
}

function checkIndustry(f: Partial<ProjectFields>, partial: boolean, add: Add): void {
  if (f.industryCode !== undefined && !isIndustryCode(f.industryCode)) {
    add(
      'industryCode',
      '应为国民经济行业分类（GB/T 4754-2017）的 2–4 位数字代码，如 6513',
      'must be a GB/T 4754 code of 2–4 digits',
    );
  } else if (f.industryCode === undefined && !partial) {
    add('industryCode', '必填', 'required');
  }
}

function checkUnitAndSource(
  f: Partial<ProjectFields>,
  unitCodes: ReadonlySet<string>,
  partial: boolean,
  add: Add,
): void {
  if (f.responsibleUnitCode !== undefined && !unitCodes.has(f.responsibleUnitCode)) {
    add(
      'responsibleUnitCode',
      `「${f.responsibleUnitCode}」不是本区的部门或街道`,
      'not a unit of the region',
    );
  } else if (f.responsibleUnitCode === undefined && !partial) {
    add('responsibleUnitCode', '必填', 'required');
  }
  if (f.source !== undefined && !(PROJECT_SOURCES as readonly string[]).includes(f.source)) {
    add(
      'source',
      `应为 ${PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')} 之一`,
      `must be one of ${PROJECT_SOURCES.join(', ')}`,
    );
  } else if (f.source === undefined && !partial) {
    add('source', '必填', 'required');
  }
}

/**
 * Checks a project's fields (all of them, or only those given when `partial`); `unitCodes` are the
 * region's departments and subdistricts. Returns every problem and the planned investment in fen.
 */
export function checkProjectFields(
  f: Partial<ProjectFields>,
  unitCodes: ReadonlySet<string>,
  partial: boolean,
): { errors: FieldError[]; fen: Fen | null } {
  const errors: FieldError[] = [];
  const add: Add = (field, zh, en) =>
    errors.push({
      field,
      message: `「${PROJECT_FIELD_LABEL[field] ?? field}」${zh}`,
      messageEn: `${field}: ${en}`,
    });
  checkCode(f, partial, add);
  checkText(f, 'name', 200, partial, add);
  checkText(f, 'investor', 200, partial, add);
  checkText(f, 'industryName', 60, partial, add);
  checkIndustry(f, partial, add);
  const fen = checkAmount(f, partial, add);
  checkUnitAndSource(f, unitCodes, partial, add);
  return { errors, fen };
}
