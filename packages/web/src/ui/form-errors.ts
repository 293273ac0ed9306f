// Puts the server's field errors (details.fields[{field,message}]) next to the form fields they name.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error.ts';
import type { Lang } from '../i18n/i18n.tsx';

/** Maps "budget.adjusted" / "items[0].name" / "items.0.name" to an antd name path. */
export function namePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Shows the error's field messages on the form. Returns the message for the rest (no field matched, or
 * not a field error), or null when every problem is shown on a field.
 */
export function applyServerErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  lang: Lang,
  aliases: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) {
    return error instanceof Error ? error.message : String(error);
  }
  // every registered field (getFieldsError lists them all, set or not)
  const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const matched: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const f of error.fields) {
    const field = aliases[f.field] ?? f.field;
    const path = namePath(field);
    const text = lang === 'en' && f.messageEn ? f.messageEn : f.message;
    if (path.length > 0 && known.has(String(path[0]))) {
      matched.push({ name: path, errors: [text] });
    } else {
      rest.push(text);
    }
  }
  if (matched.length > 0) {
    form.setFields(matched as Parameters<FormInstance<T>['setFields']>[0]);
  }
  if (matched.length > 0 && rest.length === 0) {
    return null;
  }
  return [error.localized(lang), ...rest].join('；');
}
