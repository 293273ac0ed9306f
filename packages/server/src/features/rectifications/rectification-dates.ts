// Day arithmetic on ISO dates for the feature (the deadlines themselves come from core's rules).
export function addDaysIso(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
