// A user's column mapping (field → the file's header text) put before the built-in aliases of each field, so a
// file whose headers could not be matched imports once the user has said which column is which.
import type { AliasMap } from './header-match.ts';

export function withMapping<F extends string>(
  aliases: AliasMap<F>,
  mapping: Readonly<Record<string, string>> | null | undefined,
): AliasMap<F> {
  if (!mapping) {
    return aliases;
  }
  const out = { ...aliases } as Record<F, readonly string[]>;
  for (const f of Object.keys(aliases) as F[]) {
    const h = mapping[f];
    if (h !== undefined && h.trim() !== '') {
      out[f] = [h.trim(), ...aliases[f]];
    }
  }
  return out;
}

/** The fields of a mapping that the file kind does not have (the mapping is refused if any). */
export function unknownMappingFields(
  aliases: AliasMap<string>,
  mapping: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(mapping).filter((f) => !(f in aliases));
}
