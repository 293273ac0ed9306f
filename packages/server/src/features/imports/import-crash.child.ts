// Child process of import-crash.test.ts: imports a ledger file into the PGlite data directory given and, once
// every row is COPYed inside the still-open transaction, says so and waits to be killed (kill -9).
import { openDb } from '../../db/open-db.ts';
import { fileSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { importLedger } from './imports.service.ts';

const [dataDir, file, department, year] = process.argv.slice(2);
const database = await openDb({ kind: 'pglite', dataDir: dataDir! });
await importLedger(
  database,
  CLI_ACTOR,
  { departmentCode: department!, year: Number(year), source: fileSource(file!) },
  {
    afterCopy: async () => {
      process.stdout.write('COPIED\n');
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    },
  },
);
process.stdout.write('COMMITTED\n');
await database.close();
