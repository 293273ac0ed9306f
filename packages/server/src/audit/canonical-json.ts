// Canonical JSON for hashing: object keys sorted at every depth, no whitespace, values as jsonb returns them.

/** JSON-safe copy of a value as PostgreSQL jsonb will store it: Dates → ISO strings, undefined → null, no NUL, no lone surrogates. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' ? cleanString(v) : typeof v === 'bigint' ? v.toString() : v,
  );
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** Strings jsonb refuses (U+0000, unpaired surrogates) are replaced, so an audit entry never breaks its transaction. */
function cleanString(s: string): string {
  return s
    .replace(/\u0000/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Deterministic JSON text: the same value always gives the same text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
