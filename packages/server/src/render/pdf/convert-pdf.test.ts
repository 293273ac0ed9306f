// .docx → PDF through LibreOffice: the title is in the text and the report has its pages. Needs LibreOffice,
// which scripts/test.sh installs; without it the conversion test is reported as skipped by name.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSelfEvaluationReport } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { haizhu2023Fixture } from '../../../../core/src/report/fixtures/haizhu-2023.fixture.ts';
import { renderDocx } from '../docx/render-docx.ts';
import { FONTS_CONF, convertDocxToPdf, isPdfAvailable } from './convert-pdf.ts';

function pdfText(pdf: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-pdf-test-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('convertDocxToPdf', () => {
  it.runIf(isPdfAvailable())(
    'converts the Haizhu report — requires libreoffice (installed by scripts/test.sh)',
    async () => {
      const docx = await renderDocx(buildSelfEvaluationReport(haizhu2023Fixture));
      const result = await convertDocxToPdf(docx);
      if (!result.ok) {
        throw new Error(`${result.error.code}: ${result.error.detail ?? ''}`);
      }
      const { text, pages } = pdfText(result.value);
      const squeezed = text.replace(/\s+/g, '');
      expect(squeezed).toContain('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
      expect(squeezed).toContain('执行率95.34%');
      expect(squeezed).toContain('—1—');
      expect(pages).toBeGreaterThanOrEqual(3);
    },
  );

  it('reports a coded error, not an exception, when soffice cannot run', async () => {
    const result = await convertDocxToPdf(Buffer.from('not a docx'), {
      sofficePath: '/nonexistent/soffice',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('PDF_FAILED');
      expect(result.error.message.zh).toContain('PDF');
    }
  });

  it('ships a fontconfig file with one family per alias', () => {
    const conf = execFileSync('cat', [FONTS_CONF], { encoding: 'utf8' });
    const aliases = conf.match(/<alias[\s\S]*?<\/alias>/g) ?? [];
    expect(aliases.length).toBeGreaterThanOrEqual(10);
    for (const a of aliases) {
      expect(a.match(/<family>/g)).toHaveLength(2); // the alias name + one preferred face
    }
    for (const family of ['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体', '宋体']) {
      expect(conf).toContain(`<family>${family}</family>`);
    }
  });
});
