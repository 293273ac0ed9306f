// The committed contract is what the server serves: docs/openapi.json and the web's generated types.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OPENAPI_JSON_PATH,
  OPENAPI_TYPES_PATH,
  openApiJsonText,
  openApiTypesText,
  servedOpenApi,
} from './openapi-files.ts';

const HINT = 'is stale: run `npm run openapi` and commit the result';

describe('committed OpenAPI contract', () => {
  it('docs/openapi.json equals the document /api/openapi.json serves', async () => {
    const served = openApiJsonText(await servedOpenApi());
    const committed = fs.existsSync(OPENAPI_JSON_PATH)
      ? fs.readFileSync(OPENAPI_JSON_PATH, 'utf8')
      : '';
    expect(committed === served, `docs/openapi.json ${HINT}`).toBe(true);
  });

  it('packages/web/src/api/openapi.gen.ts equals the types generated from it', async () => {
    const generated = await openApiTypesText(await servedOpenApi());
    const committed = fs.existsSync(OPENAPI_TYPES_PATH)
      ? fs.readFileSync(OPENAPI_TYPES_PATH, 'utf8')
      : '';
    expect(committed === generated, `packages/web/src/api/openapi.gen.ts ${HINT}`).toBe(true);
  });
});
