// Text encoding of CSV files: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 — detected from
// the first bytes (a sample that is not valid UTF-8 is GB18030, the superset of GBK that Chinese Excel writes).
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Detects the encoding of a file from its first bytes. */
export function detectEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    return { encoding: 'utf-16be', bomLength: 2 };
  }
  return { encoding: isUtf8Prefix(head) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= 3 && cut < bytes.length + 1; cut++) {
    try {
      decoder.decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try without a possibly truncated last character
    }
  }
  return false;
}

/** Decodes a byte stream into a string stream, dropping the BOM. */
export function decodeStream(bytes: Readable, encoding: TextEncoding): Readable {
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  bytes.on('error', (e) => decoder.emit('error', e));
  return bytes.pipe(decoder as unknown as Transform) as unknown as Readable;
}
