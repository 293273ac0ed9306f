// Result values with codes for expected failures; exceptions are for bugs only.
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** A message in both languages: zh-CN first. */
export interface Bilingual {
  zh: string;
  en: string;
}
