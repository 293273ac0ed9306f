// Pieces every route definition repeats: a required JSON request body of a schema.
import type { z } from '@hono/zod-openapi';

export function jsonBody<T extends z.ZodType>(
  schema: T,
): { content: { 'application/json': { schema: T } }; required: true } {
  return { content: { 'application/json': { schema } }, required: true };
}
