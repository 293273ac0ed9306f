// The checks and column values of the investment project writes (create, edit): field errors as one
// PROJECT_FIELDS_INVALID with every field listed, a taken code, and the columns an insert or a patch sets.
import { fenToYuanString, type Fen } from '@jixiao/core';
import {
  checkProjectFields,
  fillImpliedDates,
  NO_STAGE_DATES,
  validateStageDates,
  yearOf,
  type FieldError,
  type PipelineStage,
  type ProjectFields,
  type StageDates,
} from '@jixiao/core/investment/index';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type * as repo from './investment.repository.ts';
import { dateColumns } from './investment-views.ts';

export interface CreateProjectInput extends ProjectFields {
  stage?: PipelineStage;
  /** Dates of the stages reached; a stage left empty takes the date of the next later stage given. */
  stageDates?: Partial<Record<PipelineStage, string | null>>;
}

export type UpdateProjectInput = Partial<ProjectFields>;

interface CheckedCreate {
  amount: Fen;
  stage: PipelineStage;
  dates: StageDates;
}

export function fieldsInvalid(errors: FieldError[]): ServiceError {
  const first = errors[0]!;
  return new ServiceError(
    'PROJECT_FIELDS_INVALID',
    { problem: first.message, problemEn: first.messageEn },
    { fields: errors },
  );
}

export function codeTaken(code: string): ServiceError {
  return new ServiceError(
    'INVESTMENT_PROJECT_CODE_TAKEN',
    { code },
    { fields: [{ field: 'code', message: '项目编号已存在', messageEn: 'already exists' }] },
  );
}

/** Checks a new project's fields and stage dates (skipped stages filled); throws every problem at once. */
export function checkCreate(
  input: CreateProjectInput,
  unitCodes: ReadonlySet<string>,
  today: string,
): CheckedCreate {
  const { errors, fen } = checkProjectFields(input, unitCodes, false);
  const stage = input.stage ?? 'LEAD';
  const dates = fillImpliedDates(stage, { ...NO_STAGE_DATES, ...(input.stageDates ?? {}) });
  for (const e of validateStageDates(stage, dates, today)) {
    errors.push({
      field: e.stage ? `stageDates.${e.stage}` : 'stageDates',
      message: e.zh,
      messageEn: e.en,
    });
  }
  if (errors.length > 0) {
    throw fieldsInvalid(errors);
  }
  return { amount: fen!, stage, dates };
}

export function newProjectValues(
  dept: DepartmentRow,
  input: CreateProjectInput,
  checked: CheckedCreate,
  actor: Actor,
  now: Date,
): repo.InvestmentProjectInsert {
  return {
    regionCode: dept.regionCode,
    fiscalYear: yearOf(checked.dates.LEAD!),
    departmentCode: dept.code,
    code: input.code.trim(),
    name: input.name.trim(),
    investor: input.investor.trim(),
    industryCode: input.industryCode.trim(),
    industryName: input.industryName.trim(),
    plannedInvestment: fenToYuanString(checked.amount),
    isKeyProject: input.isKeyProject,
    responsibleUnitCode: input.responsibleUnitCode,
    source: input.source,
    stage: checked.stage,
    ...dateColumns(checked.dates),
    contact: trimmed(input.contact),
    note: trimmed(input.note),
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

export function trimmed(s: string | null | undefined): string | null {
  return s?.trim() || null;
}

/** The columns a patch changes (texts trimmed, the amount in 元). */
export function patchValues(
  patch: UpdateProjectInput,
  amount: Fen | null,
): Partial<repo.InvestmentProjectInsert> {
  const text = (k: 'code' | 'name' | 'investor' | 'industryCode' | 'industryName') =>
    patch[k] !== undefined ? { [k]: patch[k].trim() } : {};
  return {
    ...text('code'),
    ...text('name'),
    ...text('investor'),
    ...text('industryCode'),
    ...text('industryName'),
    ...(amount !== null ? { plannedInvestment: fenToYuanString(amount) } : {}),
    ...(patch.isKeyProject !== undefined ? { isKeyProject: patch.isKeyProject } : {}),
    ...(patch.responsibleUnitCode !== undefined
      ? { responsibleUnitCode: patch.responsibleUnitCode }
      : {}),
    ...(patch.source !== undefined ? { source: patch.source } : {}),
    ...(patch.contact !== undefined ? { contact: trimmed(patch.contact) } : {}),
    ...(patch.note !== undefined ? { note: trimmed(patch.note) } : {}),
  };
}

export function pick(row: repo.InvestmentProjectRow, keys: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(keys)) {
    if (k !== 'updatedAt' && k !== 'updatedBy') {
      out[k] = (row as unknown as Record<string, unknown>)[k];
    }
  }
  return out;
}
