// The publication package's zip of frozen files, in their order; fixed timestamps so the same files give the same
// zip. Run on a pooled thread (render/document-writer.ts): deflating a package's PDFs is heavy.
import JSZip from 'jszip';

export async function zipFiles(
  files: readonly { fileName: string; body: Uint8Array }[],
  date: Date,
): Promise<Buffer> {
  const zip = new JSZip();
  for (const f of files) {
    zip.file(f.fileName, f.body, { date, binary: true });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}
