// Read a report file into text for the reviewer: .txt (UTF-8, or GBK/GB18030), .docx (mammoth: paragraphs and
// table rows), text .pdf (unpdf, with the line each page starts on), scanned .pdf (OCR, see ocr-pdf.ts).
import { readFile } from 'node:fs/promises';
import { docxOverLimits, MAX_DOCX_TOTAL_BYTES, MAX_DOCX_XML_BYTES } from './zip-limits.ts';
import { basename, extname } from 'node:path';
import type { Bilingual } from '@jixiao/core';
import iconv from 'iconv-lite';
import { docxReviewText } from './docx-text.ts';
import { isOcrAvailable, ocrPdf } from './ocr-pdf.ts';
import { extractText as extractPdfText, getDocumentProxy } from 'unpdf';

export type ExtractKind = 'txt' | 'docx' | 'pdf';

export interface ExtractedText {
  text: string;
  kind: ExtractKind;
  /** For a PDF: the 1-based line of `text` on which each page starts. */
  pageStarts?: number[];
  /** True when the text was read from a scan by OCR. */
  ocr?: boolean;
}

export type ExtractErrorCode =
  'NOT_FOUND' | 'UNSUPPORTED_TYPE' | 'UNREADABLE' | 'NO_TEXT' | 'TOO_LARGE_UNPACKED';

/** A file the reviewer cannot read. `messages` holds one line in each language; `message` joins them. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';

  constructor(
    readonly code: ExtractErrorCode,
    readonly messages: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(`${messages.zh} ${messages.en}`, options);
  }
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

function kindOf(path: string, bytes: Uint8Array): ExtractKind | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') {
    return 'pdf';
  }
  const ext = extname(path).toLowerCase();
  if (head.startsWith('PK\u0003\u0004')) {
    return ext === '.docx' || ext === '' ? 'docx' : null;
  }
  if (ext === '.docx' || ext === '.pdf') {
    return ext === '.docx' ? 'docx' : 'pdf'; // the content does not match: reported as unreadable
  }
  return TEXT_EXTENSIONS.has(ext) || ext === '' ? 'txt' : null;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // GB18030 (mainland) or Big5 (traditional, e.g. a Hong Kong or Taiwan template): both are valid byte-wise
    // for most double-byte text, so the one that reads as fewer stray symbols wins; ties go to GB18030
    const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
    const big5 = iconv.decode(Buffer.from(bytes), 'big5');
    return strayCount(big5) < strayCount(gb) ? big5 : gb;
  }
}

/**
 * Characters a report in Chinese hardly ever holds but a wrong double-byte decoding produces in numbers: kana,
 * Greek, Cyrillic, box drawing, vertical punctuation forms, replacement marks.
 */
function strayCount(text: string): number {
  return text.match(/[\u3040-\u30ff\u0370-\u04ff\u2500-\u257f\ufe10-\ufe4f\ufffd?]/g)?.length ?? 0;
}

async function readTxt(file: string, bytes: Uint8Array): Promise<string> {
  if (bytes.includes(0)) {
    throw unreadable(file, '不是文本文件', 'it is not a text file');
  }
  return decodeText(bytes);
}

async function readDocx(file: string, bytes: Uint8Array): Promise<ExtractedText> {
  const over = docxOverLimits(bytes);
  if (over !== null) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
    throw new ExtractError('TOO_LARGE_UNPACKED', {
      zh: `无法读取文件 ${file}：解压后过大（文字部分 ${mb(over.xmlBytes)} MB，共 ${mb(over.totalBytes)} MB；上限分别为 ${mb(MAX_DOCX_XML_BYTES)} MB 和 ${mb(MAX_DOCX_TOTAL_BYTES)} MB），可能是压缩炸弹或损坏的文件。`,
      en: `Cannot read ${file}: it unpacks to too much (text parts ${mb(over.xmlBytes)} MB, ${mb(over.totalBytes)} MB in all; the limits are ${mb(MAX_DOCX_XML_BYTES)} MB and ${mb(MAX_DOCX_TOTAL_BYTES)} MB), a zip bomb or a damaged file.`,
    });
  }
  try {
    return { text: await docxReviewText(bytes), kind: 'docx' };
  } catch (e) {
    throw unreadable(file, '不是有效的 .docx 文件', 'it is not a valid .docx file', e);
  }
}

/** Join the pages' texts; pageStarts[k] is the line on which page k + 1 starts. */
function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let line = 1;
  for (const p of pages) {
    pageStarts.push(line);
    line += p.split('\n').length;
  }
  return { text: pages.join('\n'), pageStarts };
}

/** A PDF with hardly any text on its pages is a scan. */
function isScan(pages: readonly string[]): boolean {
  const chars = pages.join('').replace(/\s/g, '').length;
  return chars < 20 * Math.max(1, pages.length);
}

async function readPdf(file: string, bytes: Uint8Array): Promise<ExtractedText> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }); // 0: errors only, no warnings on stderr
    pages = (await extractPdfText(pdf, { mergePages: false })).text;
  } catch (e) {
    throw unreadable(
      file,
      '不是有效的 PDF 文件或已加密',
      'it is not a valid PDF, or it is encrypted',
      e,
    );
  }
  if (!isScan(pages)) {
    return { kind: 'pdf', ...joinPages(pages) };
  }
  if (!(await isOcrAvailable())) {
    throw new ExtractError('NO_TEXT', {
      zh: `文件 ${file} 是扫描件，服务器未安装文字识别组件（tesseract），无法读取；请提供文字版 PDF 或 .docx。`,
      en: `${file} is a scanned PDF and text recognition (tesseract) is not installed on the server; provide a text PDF or a .docx.`,
    });
  }
  try {
    return { kind: 'pdf', ocr: true, ...joinPages(await ocrPdf(bytes)) };
  } catch (e) {
    throw unreadable(file, '扫描件文字识别失败', 'text recognition of the scan failed', e);
  }
}

function unreadable(file: string, zh: string, en: string, cause?: unknown): ExtractError {
  return new ExtractError(
    'UNREADABLE',
    { zh: `无法读取文件 ${file}：${zh}。`, en: `Cannot read ${file}: ${en}.` },
    { cause },
  );
}

/** Read a .txt, .docx or .pdf report (a scan through OCR). Throws ExtractError when the file cannot be read. */
export async function extractText(filePath: string): Promise<ExtractedText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ExtractError(
      missing ? 'NOT_FOUND' : 'UNREADABLE',
      missing
        ? { zh: `找不到文件：${filePath}。`, en: `File not found: ${filePath}.` }
        : { zh: `无法读取文件：${filePath}。`, en: `Cannot read the file: ${filePath}.` },
      { cause: e },
    );
  }
  return extractTextFromBytes(filePath, bytes);
}

/** Read a report from its bytes; `fileName` gives the extension when the content does not. */
export async function extractTextFromBytes(
  fileName: string,
  bytes: Uint8Array,
): Promise<ExtractedText> {
  const file = basename(fileName);
  const kind = kindOf(fileName, bytes);
  if (kind === null) {
    throw new ExtractError('UNSUPPORTED_TYPE', {
      zh: `不支持的文件类型：${file}（支持 .txt、.docx 和文字版 .pdf；.doc 请另存为 .docx）。`,
      en: `Unsupported file type: ${file} (use .txt, .docx or a text PDF; save .doc files as .docx).`,
    });
  }
  const read =
    kind === 'pdf'
      ? await readPdf(file, bytes)
      : kind === 'docx'
        ? await readDocx(file, bytes)
        : { text: await readTxt(file, bytes), kind };
  if (read.text.trim() === '') {
    throw new ExtractError('NO_TEXT', {
      zh: `文件 ${file} 中没有可提取的文字${kind === 'pdf' ? '（可能是扫描件，请提供文字版 PDF 或 .docx）' : ''}。`,
      en: `${file} contains no text to review${kind === 'pdf' ? ' (probably a scanned PDF; provide a text PDF or a .docx)' : ''}.`,
    });
  }
  return read;
}
