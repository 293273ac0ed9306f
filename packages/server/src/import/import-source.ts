// What an import reads: a named file that can be opened (more than once) as a byte stream — a path on
// disk (CLI, bench) or an uploaded buffer (HTTP) — and its sha256 for duplicate detection. A source can be
// handed to a worker thread (the ledger import parses large files there) and reopened on the other side.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

/** A source as plain data another thread can reopen with `sourceFromHandOff`. */
export type SourceHandOff = { fileName: string } & (
  { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Uint8Array }
);

export interface ImportSource {
  /** The file name as the user knows it (recorded in import_batches). */
  fileName: string;
  /** Opens a fresh byte stream of the whole file. */
  open(): Readable;
  /** Size in bytes, without reading the file (absent: unknown). */
  size?(): Promise<number>;
  /**
   * The source for another thread, with the buffers to put in postMessage's transfer list (absent: the source
   * cannot leave this thread). Transferred bytes leave this thread: the source cannot be opened here afterwards.
   * `keep`: the bytes are copied instead (nothing to transfer), and the source stays usable here.
   */
  handOff?(opts?: { keep?: boolean }): { data: SourceHandOff; transfer: ArrayBuffer[] };
}

export function fileSource(filePath: string): ImportSource {
  return {
    fileName: path.basename(filePath),
    open: () => fs.createReadStream(filePath, { highWaterMark: 1 << 20 }),
    size: async () => (await fs.promises.stat(filePath)).size,
    handOff: () => ({
      data: { kind: 'file', fileName: path.basename(filePath), path: path.resolve(filePath) },
      transfer: [],
    }),
  };
}

/**
 * An in-memory file. The source owns `bytes`: when it is handed to a worker thread and `bytes` spans a whole
 * ArrayBuffer (an upload's `new Uint8Array(await file.arrayBuffer())`), that buffer is transferred, not copied,
 * and is detached here — the source is spent. A view into a larger buffer (Node's small-Buffer pool) is copied
 * once instead.
 */
export function bufferSource(fileName: string, bytes: Uint8Array): ImportSource {
  let spent = false;
  return {
    fileName,
    open: () => {
      if (spent) {
        throw new Error(
          `import source "${fileName}" was handed to another thread and cannot be reopened here`,
        );
      }
      return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    },
    size: async () => bytes.byteLength,
    handOff: (opts) => {
      if (opts?.keep) {
        return { data: { kind: 'bytes', fileName, bytes }, transfer: [] }; // postMessage copies it
      }
      const whole =
        bytes.buffer instanceof ArrayBuffer &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength;
      const own = whole ? bytes : new Uint8Array(bytes); // a copy (Buffer#slice would be a view)
      spent = whole;
      return {
        data: { kind: 'bytes', fileName, bytes: own },
        transfer: [own.buffer as ArrayBuffer],
      };
    },
  };
}

/** The source's hand-off to a worker thread (see ImportSource.handOff); a source that has none is a bug here. */
export function handOffSource(
  source: ImportSource,
  opts?: { keep?: boolean },
): { data: SourceHandOff; transfer: ArrayBuffer[] } {
  const h = source.handOff?.(opts);
  if (!h) {
    throw new Error(`import source "${source.fileName}" cannot be handed to a worker thread`);
  }
  return h;
}

/** The source handed over by another thread. */
export function sourceFromHandOff(h: SourceHandOff): ImportSource {
  return h.kind === 'file'
    ? { ...fileSource(h.path), fileName: h.fileName }
    : bufferSource(h.fileName, h.bytes);
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
