// The checks on a region's own ex-ante templates (§A.2/§A.3): every 评估要点 has a positive weight with at most
// two decimals, codes are unique, no dimension or group is empty, the points of a template sum to 100 (a parent's
// weight is the sum of its children, so no point can exceed its parent), one template per type.
import { d, dSum, toFixed2 } from '../decimal.ts';
import type { ExAnteTemplate } from './types.ts';

export interface TemplateProblem {
  /** The template type and the code of the node at fault. */
  where: string;
  zh: string;
  en: string;
}

const WEIGHT_RE = /^\d+(\.\d{1,2})?$/;

function pointProblems(t: ExAnteTemplate, seen: Set<string>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const dim of t.dimensions) {
    if (dim.groups.length === 0 || dim.groups.some((g) => g.points.length === 0)) {
      out.push({
        where: `${t.type}/${dim.code}`,
        zh: `「${dim.name}」下没有评估要点`,
        en: `${dim.code} has no points`,
      });
    }
    for (const p of dim.groups.flatMap((g) => g.points)) {
      if (seen.has(p.code)) {
        out.push({
          where: `${t.type}/${p.code}`,
          zh: `要点编码「${p.code}」重复`,
          en: `point code ${p.code} repeats`,
        });
      }
      seen.add(p.code);
      if (!WEIGHT_RE.test(p.weight) || d(p.weight).lte(0)) {
        out.push({
          where: `${t.type}/${p.code}`,
          zh: `「${p.name}」的分值应为大于 0、最多两位小数的数`,
          en: `point ${p.code}: the weight must be a positive number with at most 2 decimals`,
        });
      }
    }
  }
  return out;
}

function totalOf(t: ExAnteTemplate): string | null {
  const ws = t.dimensions.flatMap((dim) =>
    dim.groups.flatMap((g) => g.points.map((p) => p.weight)),
  );
  return ws.every((w) => WEIGHT_RE.test(w)) ? toFixed2(dSum(ws.map((w) => d(w)))) : null;
}

/** The problems of a region's templates; empty when they may be saved. */
export function checkExAnteTemplates(templates: readonly ExAnteTemplate[]): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const types = new Set<string>();
  for (const t of templates) {
    if (types.has(t.type)) {
      out.push({
        where: t.type,
        zh: `「${t.name}」：同一类型只能有一套模板`,
        en: `two ${t.type} templates`,
      });
    }
    types.add(t.type);
    if (t.dimensions.length === 0) {
      out.push({
        where: t.type,
        zh: `「${t.name}」没有评估维度`,
        en: `${t.type} has no dimensions`,
      });
    }
    out.push(...pointProblems(t, new Set<string>()));
    const total = totalOf(t);
    if (total !== null && total !== '100.00') {
      out.push({
        where: t.type,
        zh: `「${t.name}」各要点分值合计 ${total} 分，应为 100 分`,
        en: `${t.type}: the points sum to ${total}, not 100`,
      });
    }
  }
  return out;
}
