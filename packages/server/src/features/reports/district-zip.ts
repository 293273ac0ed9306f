// The district package's zip: files already compressed (.docx, PDF) stored as they are under the names given,
// streamed to `out`. Run on a pooled thread (render/document-writer.ts): the checksums of a region's files are
// computed off the request thread.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';

export async function zipFilesToDisk(
  entries: readonly { name: string; path: string }[],
  out: string,
): Promise<void> {
  const zip = new JSZip();
  for (const e of entries) {
    zip.file(e.name, await readFile(e.path), { compression: 'STORE' });
  }
  await pipeline(
    zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true }),
    createWriteStream(out),
  );
}
