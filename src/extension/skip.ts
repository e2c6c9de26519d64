// Which files are not analysed, and why: too large, minified or generated, binary, or ignored by the config.
// vscode-free; shared by the open-document analysis and the workspace scan.

import * as path from 'path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/types';
import { looksMinified, type EditorSettings } from './settingsModel';

const matchers = new Map<string, (p: string) => boolean>();

function ignored(globs: string[], rel: string): boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = picomatch(globs, { dot: true });
    if (matchers.size > 50) matchers.clear();
    matchers.set(key, m);
  }
  return m(rel);
}

/** `fsPath` is the file's path on disk, or '' for an unsaved or virtual document. */
export function skipReason(fsPath: string, text: string, editor: EditorSettings, config: ResolvedConfig): string | undefined {
  const limit = Math.min(editor.maxFileBytes, config.maxFileBytes || Infinity);
  // UTF-16 length bounds the UTF-8 size from below (and from above by 3x): only count bytes when it may matter.
  if (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit) {
    return `larger than ${Math.round(limit / 1000)} KB (promptCost.maxFileBytes)`;
  }
  if (looksMinified(text, editor.minifiedLineLength)) {
    return `looks minified or generated: lines average over ${editor.minifiedLineLength} characters (promptCost.minifiedLineLength)`;
  }
  if (text.indexOf('\u0000') !== -1) return 'binary content';
  if (fsPath && config.ignore.length && config.root) {
    const rel = path.relative(config.root, fsPath).replace(/\\/g, '/');
    if (!rel.startsWith('..') && ignored(config.ignore, rel)) return 'ignored by the configuration (`ignore`)';
  }
  return undefined;
}
