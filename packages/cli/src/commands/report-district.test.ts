// `jixiao report --region` end to end (a real process) on a data directory made from the demo snapshot: every
// department's 2023 report in one zip written into a folder, with the progress bar on stderr (Word only: the PDF
// pool is covered by the server's test), and the choice between --department and --region enforced.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SLOW, useDemoDataDir } from './cli-demo-harness.ts';

const { jixiao, tmp, dataDir } = useDemoDataDir('report-district');

describe('jixiao report --region', () => {
  it(
    'writes one zip of every department’s report into the folder, with a progress bar',
    async () => {
      const out = path.join(tmp, 'out');
      const r = await jixiao([
        'report',
        '--region',
        '440105',
        '--year',
        '2023',
        '--out',
        out,
        '--no-pdf',
      ]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/\[#+\] 100% 4\/4 完成/);
      const [name] = fs.readdirSync(out);
      expect(name).toMatch(/^2023年度.+部门整体支出绩效自评报告\.zip$/);
      expect(r.stdout).toContain('3 个部门的 Word 报告');
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, name!)));
      const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      expect(files.sort()).toEqual([
        expect.stringMatching(/^Word\/440105-KGXJ-/),
        expect.stringMatching(/^Word\/440105-TZCJ-/),
        expect.stringMatching(/^Word\/440105-WGLT-/),
      ]);
      const area = `${dataDir}.tmp/district-reports`;
      expect(fs.readdirSync(area)).toEqual([]); // its work folder is removed
    },
    SLOW,
  );

  it(
    'wants exactly one of --department and --region',
    async () => {
      const r = await jixiao(['report', '--year', '2023']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--department');
    },
    SLOW,
  );
});
