// A .docx is a zip: before anything inflates it, its central directory says how large each part unpacks to.
// A zip bomb (0.2 MB that unpacks to 50 MB of XML, which mammoth then takes minutes to walk) is refused here by
// those declared sizes; a zip that lies about them still runs in a worker with a time and heap limit.

/** The XML parts of a document (its text lives there) may unpack to at most this many bytes in all. */
export const MAX_DOCX_XML_BYTES = 20 * 1024 * 1024;
/** All parts (images included) may unpack to at most this many bytes. */
export const MAX_DOCX_TOTAL_BYTES = 200 * 1024 * 1024;

export interface ZipEntrySize {
  name: string;
  uncompressed: number;
}

/** The entries of a zip's central directory with their declared sizes; null when it is not a readable zip. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    return null;
  }
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: ZipEntrySize[] = [];
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      return null;
    }
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // 0xFFFFFFFF: the real size is in a zip64 field, over 4 GB in any case
    out.push({
      name,
      uncompressed: uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed,
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** Why a .docx may not be unpacked (its declared sizes are over the limits), or null when it may. */
export function docxOverLimits(bytes: Uint8Array): { xmlBytes: number; totalBytes: number } | null {
  const entries = zipEntrySizes(bytes);
  if (entries === null) {
    return null; // not a readable zip: the reader reports it as unreadable
  }
  const total = entries.reduce((t, e) => t + e.uncompressed, 0);
  const xml = entries
    .filter((e) => /\.(xml|rels)$/i.test(e.name))
    .reduce((t, e) => t + e.uncompressed, 0);
  return xml > MAX_DOCX_XML_BYTES || total > MAX_DOCX_TOTAL_BYTES
    ? { xmlBytes: xml, totalBytes: total }
    : null;
}
