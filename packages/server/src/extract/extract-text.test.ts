import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractError, extractText } from './extract-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Offsets are byte positions, so the PDF is assembled in latin1 (every object below is ASCII). */
function assemblePdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string): string =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** A one-page PDF in the standard Helvetica font (ASCII only), one line of text per entry. */
function asciiPdf(lines: string[]): Uint8Array {
  const ops = lines
    .map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(ops),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/**
 * A one-page PDF holding Chinese text: a Type0 font with Identity-H encoding (CID = position in the
 * character list) and a ToUnicode CMap, which is what a text extractor reads. No font file is embedded.
 */
function chinesePdf(lines: string[]): Uint8Array {
  const chars = [...new Set([...lines.join('')])];
  const cid = (ch: string): string =>
    (chars.indexOf(ch) + 1).toString(16).padStart(4, '0').toUpperCase();
  const utf16 = (ch: string): string =>
    [...Buffer.from(ch, 'utf16le').swap16()]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  const ops = lines
    .map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td <${[...l].map(cid).join('')}> Tj ET`)
    .join('\n');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((ch) => `<${cid(ch)}> <${utf16(ch)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(ops),
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>',
    stream(cmap),
  ]);
}

async function expectError(path: string, code: string): Promise<ExtractError> {
  const e: unknown = await extractText(path).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ExtractError);
  const err = e as ExtractError;
  expect(err.code).toBe(code);
  expect(err.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(err.messages.en).toMatch(/[A-Za-z]/);
  expect(err.message).not.toContain('\n');
  return err;
}

describe('extractText', () => {
  it('reads UTF-8 text, with or without a BOM', async () => {
    const body = '全年预算数 36,628.61 万元，执行数 36,628.61 万元。';
    expect(await extractText(write('a.txt', body))).toEqual({ text: body, kind: 'txt' });
    expect((await extractText(write('b.txt', `\ufeff${body}`))).text).toBe(body);
  });

  it('reads GBK text that is not valid UTF-8', async () => {
    const body = '招商引资业务工作经费年初预算 80万元，实际支出 76.27万元，执行率 95%。';
    const path = write('gbk.txt', iconv.encode(body, 'gbk'));
    expect(await extractText(path)).toEqual({ text: body, kind: 'txt' });
  });

  it('reads Big5 text (a traditional-character report) as Big5, not as garbled GBK (issue 16, point 9)', async () => {
    const body =
      '2023年度部門整體支出績效自評報告\n一、部門基本情況\n招商引資業務工作經費年初預算80萬元，全年執行數76.27萬元，執行率95.34%。';
    const path = write('big5.txt', iconv.encode(body, 'big5'));
    expect(await extractText(path)).toEqual({ text: body, kind: 'txt' });
    // and a GBK file of the same length still reads as GBK
    const gbk =
      '2023年度部门整体支出绩效自评报告\n一、部门基本情况\n招商引资业务工作经费年初预算80万元，全年执行数76.27万元，执行率95.34%。';
    expect((await extractText(write('gbk2.txt', iconv.encode(gbk, 'gbk')))).text).toBe(gbk);
  });

  it('reads a .docx made with the docx package, paragraph by paragraph', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun('2023年度广州市海珠区投资促进局整体支出绩效自评报告')],
            }),
            new Paragraph({ children: [new TextRun('一、基本情况')] }),
            new Paragraph({
              children: [
                new TextRun('全年预算数36,628.61万元，'),
                new TextRun({ text: '执行数36,628.61万元。', bold: true }),
              ],
            }),
          ],
        },
      ],
    });
    const { text, kind } = await extractText(write('report.docx', await Packer.toBuffer(doc)));
    expect(kind).toBe('docx');
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      '2023年度广州市海珠区投资促进局整体支出绩效自评报告',
      '一、基本情况',
      '全年预算数36,628.61万元，执行数36,628.61万元。',
    ]);
  });

  it('reads a text PDF in Helvetica (ASCII and digits), one line per text line', async () => {
    const { text, kind } = await extractText(
      write('ascii.pdf', asciiPdf(['Budget 80.00 executed 76.27', 'Rate 95.34% (76.27 / 80)'])),
    );
    expect(kind).toBe('pdf');
    expect(text).toContain('Budget 80.00 executed 76.27');
    expect(text).toContain('Rate 95.34% (76.27 / 80)');
  });

  it('reads Chinese from a PDF through its ToUnicode map', async () => {
    const { text } = await extractText(
      write(
        'zh.pdf',
        chinesePdf(['招商引资业务工作经费年初预算80万元，实际支出76.27', '万元，执行率95%。']),
      ),
    );
    expect(text.replace(/\s/g, '')).toBe(
      '招商引资业务工作经费年初预算80万元，实际支出76.27万元，执行率95%。',
    );
  });

  it('detects the type from the content, whatever the extension', async () => {
    expect((await extractText(write('no-extension', asciiPdf(['Hello 2023'])))).kind).toBe('pdf');
  });

  it('refuses what it cannot read, with one clear line in Chinese and English', async () => {
    await expectError(join(dir, 'missing.txt'), 'NOT_FOUND');
    await expectError(write('old.doc', 'x'), 'UNSUPPORTED_TYPE');
    await expectError(write('broken.docx', 'not a zip'), 'UNREADABLE');
    await expectError(write('broken.pdf', '%PDF-1.4 garbage'), 'UNREADABLE');
    await expectError(write('binary.txt', new Uint8Array([0x41, 0x00, 0x42])), 'UNREADABLE');
    await expectError(write('empty.txt', '  \n'), 'NO_TEXT');
    const scanned = await expectError(write('scan.pdf', asciiPdf([])), 'NO_TEXT');
    expect(scanned.messages.zh).toContain('扫描件');
  });
});
