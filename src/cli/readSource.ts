// Reads one source file for the engine, or says why it is not analysed: too large (checked before reading),
// binary (a NUL byte), unreadable. Decoded as UTF-8 (invalid bytes become U+FFFD) with a BOM dropped, as editors
// do, so offsets match what the user sees.

import * as fs from 'fs';
import { formatInt } from '../core/formatters/numbers';

export type SourceRead = { text: string } | { skipped: string };

export function readSource(absPath: string, maxFileBytes: number): SourceRead {
  let size: number;
  try {
    size = fs.statSync(absPath).size;
  } catch (e) {
    return { skipped: `cannot read: ${errorMessage(e)}` };
  }
  if (size > maxFileBytes) {
    return { skipped: `file is ${formatInt(size)} bytes, over the ${formatInt(maxFileBytes)}-byte limit (maxFileBytes)` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    return { skipped: `cannot read: ${errorMessage(e)}` };
  }
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  // TextDecoder drops a leading BOM.
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    const code = (e as { code: string }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
  }
  return e instanceof Error ? e.message : String(e);
}
