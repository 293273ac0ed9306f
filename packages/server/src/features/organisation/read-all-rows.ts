// A small import file (单位名录, accounts) read whole: its rows, format and encoding; an unreadable file is refused
// with the reader's own message.
import { ServiceError } from '../../http/service-error.ts';
import type { ImportSource } from '../../import/import-source.ts';
import { UnreadableFileError, type TableRow } from '../../import/read-table.ts';
import { openTableOffloaded } from '../../import/read-offloaded.ts';

/** More rows than any region's 单位名录 or account list: the file is clearly the wrong one. */
export const MAX_ROWS = 20_000;

export interface WholeTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  rows: TableRow[];
}

export async function readAllRows(source: ImportSource): Promise<WholeTable> {
  try {
    const { info, rows } = await openTableOffloaded(source); // parsed on a pooled thread
    const out: TableRow[] = [];
    for await (const r of rows) {
      out.push(r);
      if (out.length > MAX_ROWS) {
        throw new UnreadableFileError(
          `文件超过 ${MAX_ROWS} 行，不像是单位名录或账户清单`,
          `More than ${MAX_ROWS} rows: not an agency or account list`,
        );
      }
    }
    return { format: info.format, encoding: info.encoding, rows: out };
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      throw new ServiceError('IMPORT_FILE_UNREADABLE', {
        message: `文件「${source.fileName}」无法读取：${e.messageZh}`,
        messageEn: `Cannot read "${source.fileName}": ${e.messageEn}`,
      });
    }
    throw e;
  }
}
