// Declared file downloads: the content types a route answers with (a binary or text body, not JSON).
import { z } from '@hono/zod-openapi';

export const CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  txt: 'text/plain',
  json: 'application/json',
} as const;

export type FileKind = keyof typeof CONTENT_TYPE;

const BINARY = z.string().openapi({ format: 'binary' });

/** A 200 response whose body is a file of one of these kinds. */
export function fileResponse(
  description: string,
  kinds: readonly FileKind[],
): { description: string; content: Record<string, { schema: typeof BINARY }> } {
  return {
    description,
    content: Object.fromEntries(kinds.map((k) => [CONTENT_TYPE[k], { schema: BINARY }])),
  };
}
