// The monitoring cut-off month that applies on a day (运行监控 opens on it; the dashboard and the bureau's
// overview count warnings for it): in the current year the latest cut-off month already over, before that the
// first one; for an ended year its last cut-off month; for a year not yet begun its first one.

/** `today` is the calendar year and month (1–12) in China Standard Time. */
export function applicableCutoffMonth(
  cutoffMonths: readonly number[],
  year: number,
  today: { year: number; month: number },
): number {
  const months = [...cutoffMonths].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  const first = months[0] ?? 6;
  const last = months.at(-1) ?? first;
  if (year < today.year) {
    return last;
  }
  if (year > today.year) {
    return first;
  }
  const over = months.filter((m) => m < today.month);
  return over.at(-1) ?? first;
}

/** Whether answers can be entered for this month (only cut-off months take a monitoring round). */
export function isCutoffMonth(cutoffMonths: readonly number[], month: number): boolean {
  return cutoffMonths.includes(month);
}
