// The same report as .txt, .docx, text .pdf and scanned .pdf gives the same review codes (issue 17).
// The .docx is built here from the corpus text (tables as Word tables), the PDF by LibreOffice from it, the scan
// by rasterising that PDF (pdftoppm) and wrapping the page images in an image-only PDF. The OCR part is skipped,
// with a message, only when tesseract is absent (npm test installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeReportText, reviewReport, type ReviewResult } from '@jixiao/core';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTextFromBytes } from '../../extract/extract-text.ts';
import { convertDocxToPdf, findSoffice } from '../../render/pdf/convert-pdf.ts';

const CORPUS = new URL('../../../../core/src/review/corpus/', import.meta.url);
const REPORTS = ['rect-22-jiaotong-planted', 'dept-04-wenlv-planted-table'];
const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const codes = (r: ReviewResult): string[] => [...new Set(r.findings.map((f) => f.code))].sort();

/** The corpus text as a Word document: one paragraph per paragraph, table rows as a Word table. */
async function toDocx(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const flush = (): void => {
    if (rows.length > 0) {
      children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
      rows = [];
    }
  };
  for (const p of normalizeReportText(text).text.split('\n')) {
    if (p.includes('\t')) {
      // small type, so that no cell wraps in the PDF (a wrapped cell is a table PDF extraction cannot rebuild)
      const cells = p.split('\t').map(
        (c) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text: c, size: 14 })] })],
          }),
      );
      rows.push(new TableRow({ children: cells }));
      continue;
    }
    flush();
    children.push(
      new Paragraph({ children: [new TextRun({ text: p, font: 'Noto Sans CJK SC' })] }),
    );
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** An image-only PDF: each page one JPEG (DCTDecode), as a scanner writes it. */
function imagePdf(jpegs: readonly Buffer[], widthPt = 595, heightPt = 842): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer): void => {
    parts.push(b);
    length += b.length;
  };
  const obj = (n: number, body: Buffer | string, tail = ''): void => {
    offsets[n] = length;
    add(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    add(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    add(Buffer.from(`${tail}\nendobj\n`, 'latin1'));
  };
  add(Buffer.from('%PDF-1.4\n', 'latin1'));
  const kids = jpegs.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${jpegs.length} >>`);
  jpegs.forEach((jpeg, i) => {
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const sof = jpegSize(jpeg);
    const [h, w] = [jpeg.readUInt16BE(sof), jpeg.readUInt16BE(sof + 2)];
    const space = jpeg[sof + 4] === 1 ? '/DeviceGray' : '/DeviceRGB';
    obj(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt} ${heightPt}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
    );
    obj(
      image,
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
          'latin1',
        ),
        jpeg,
      ]),
      '\nendstream',
    );
    const ops = `q ${widthPt} 0 0 ${heightPt} 0 0 cm /Im0 Do Q`;
    obj(content, `<< /Length ${ops.length} >>\nstream\n${ops}`, '\nendstream');
  });
  const xref = length;
  const count = 3 + jpegs.length * 3;
  let trailer = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let n = 1; n < count; n += 1) {
    trailer += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  }
  trailer += `trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(trailer, 'latin1'));
  return Buffer.concat(parts);
}

/** Offset of the height field in a JPEG's SOF0/SOF2 segment (width follows it). */
function jpegSize(jpeg: Buffer): number {
  let i = 2;
  while (i < jpeg.length) {
    const marker = jpeg.readUInt16BE(i);
    if (marker === 0xffc0 || marker === 0xffc2) {
      return i + 5;
    }
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('not a JPEG');
}

/** Rasterise a PDF at 300 dpi (a scanner's usual setting), grey, into JPEG pages. */
function scan(pdf: Buffer, name: string): Buffer {
  const input = join(dir, `${name}.pdf`);
  writeFileSync(input, pdf);
  execFileSync('pdftoppm', [
    '-r',
    '300',
    '-gray',
    '-jpeg',
    '-jpegopt',
    'quality=92',
    input,
    join(dir, `${name}-scan`),
  ]);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-scan`) && f.endsWith('.jpg'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
  return imagePdf(pages);
}

const soffice = findSoffice() !== null;

/** tesseract with the simplified-Chinese model (checked once, synchronously, to name the skipped test). */
function ocrInstalled(): boolean {
  try {
    return /\bchi_sim\b/.test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
const OCR = ocrInstalled();
const OCR_TEST = OCR
  ? 'the scanned PDF (image only) is read by OCR and gives the same codes, marked as OCR'
  : 'the scanned PDF — SKIPPED: tesseract-ocr with tesseract-ocr-chi-sim is not installed (npm test installs it)';

describe.skipIf(!soffice)('one report as .txt, .docx, text .pdf and scanned .pdf', () => {
  const forms = new Map<string, { txt: string; docx: Buffer; pdf: Buffer }>();
  beforeAll(async () => {
    for (const name of REPORTS) {
      const txt = readFileSync(new URL(`${name}.txt`, CORPUS), 'utf8');
      const docx = await toDocx(txt);
      const pdf = await convertDocxToPdf(docx);
      if (!pdf.ok) {
        throw new Error(pdf.error.detail ?? pdf.error.message.en);
      }
      forms.set(name, { txt, docx, pdf: pdf.value });
    }
  }, 60_000);

  for (const name of REPORTS) {
    it(`${name}: the .docx and the text PDF give the codes of the .txt, at usable places`, async () => {
      const f = forms.get(name)!;
      const expected = codes(reviewReport(f.txt));
      const docx = await extractTextFromBytes(`${name}.docx`, f.docx);
      const fromDocx = reviewReport(docx.text);
      expect(codes(fromDocx)).toEqual(expected);
      // a .docx finding's line is its paragraph number; every excerpt is the reviewed text's own words
      const paragraphs = docx.text.split('\n');
      for (const x of fromDocx.findings) {
        expect(paragraphs[x.line - 1]).toContain(x.excerpt.split('\n')[0]);
      }
      const pdf = await extractTextFromBytes(`${name}.pdf`, f.pdf);
      const fromPdf = reviewReport(pdf.text, { pageStarts: pdf.pageStarts ?? [] });
      expect(codes(fromPdf)).toEqual(expected);
      for (const x of fromPdf.findings) {
        expect(x.page).toBeGreaterThanOrEqual(1);
        const lines = pdf.text.split('\n');
        const at = (pdf.pageStarts?.[x.page! - 1] ?? 1) + x.line - 2;
        expect(lines[at]).toContain([...x.excerpt.split('\n')[0]!].slice(0, 4).join(''));
      }
    });
  }

  it.skipIf(!OCR)(
    OCR_TEST,
    async () => {
      const name = REPORTS[0]!;
      const f = forms.get(name)!;
      const scanned = await extractTextFromBytes(`${name}.pdf`, scan(f.pdf, name));
      expect(scanned.ocr).toBe(true);
      const result = reviewReport(scanned.text, {
        ocr: true,
        pageStarts: scanned.pageStarts ?? [],
      });
      expect(codes(result)).toEqual(codes(reviewReport(f.txt)));
      expect(result.findings.every((x) => x.ocr === true)).toBe(true);
    },
    60_000,
  );
});
