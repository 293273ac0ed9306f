// `npm run openapi`: writes docs/openapi.json and the web's generated API types from the server's routes.
import fs from 'node:fs';
import {
  OPENAPI_JSON_PATH,
  OPENAPI_TYPES_PATH,
  openApiJsonText,
  openApiTypesText,
  servedOpenApi,
} from './openapi-files.ts';

const doc = await servedOpenApi();
fs.writeFileSync(OPENAPI_JSON_PATH, openApiJsonText(doc));
fs.writeFileSync(OPENAPI_TYPES_PATH, await openApiTypesText(doc));
process.stdout.write(`wrote ${OPENAPI_JSON_PATH}\nwrote ${OPENAPI_TYPES_PATH}\n`);
