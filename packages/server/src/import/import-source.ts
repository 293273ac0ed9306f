// What an import reads: a named file that can be opened (more than once) as a byte stream — a path on
// disk (CLI, bench) or an uploaded buffer (HTTP) — and its sha256 for duplicate detection.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

export interface ImportSource {
  /** The file name as the user knows it (recorded in import_batches). */
  fileName: string;
  /** Opens a fresh byte stream of the whole file. */
  open(): Readable;
}

export function fileSource(filePath: string): ImportSource {
  return { fileName: path.basename(filePath), open: () => fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) };
}

export function bufferSource(fileName: string, bytes: Uint8Array): ImportSource {
  return { fileName, open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]) };
}

/** sha256 (hex) of the source's bytes, streamed. */
export async function sha256Of(source: ImportSource): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of source.open()) {
    h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

/** The first bytes of the source (for format and encoding detection). */
export async function headOf(source: ImportSource, bytes = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      parts.push(b);
      n += b.length;
      if (n >= bytes) {
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, bytes);
}
