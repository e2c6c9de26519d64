// Test helper: detection on a source text without the rest of the engine.
import { detectFile, type Detection } from '../../src/core/detectors';
import { assetPath, type AssetName } from '../../src/core/assets';
import { Parsers } from '../../src/core/languages/parser';
import { LineIndex } from '../../src/core/formatters/lineIndex';
import type { LanguageId } from '../../src/core/types';

let parsers: Promise<Parsers> | undefined;

export function getParsers(): Promise<Parsers> {
  parsers ??= Parsers.create((f) => assetPath(f as AssetName));
  return parsers;
}

export function langOf(file: string): LanguageId {
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.tsx')) return 'tsx';
  if (file.endsWith('.ts')) return 'typescript';
  return 'javascript';
}

export async function detect(text: string, lang: LanguageId): Promise<Detection & { lines: LineIndex }> {
  const p = await getParsers();
  const tree = p.parse(lang, text)!;
  const lines = new LineIndex(text);
  try {
    const d = detectFile({
      lang, tree, text, parsers: p, lineOf: (o) => lines.position(o).line - 1, lines,
      parseAnnotation: (t) => { const m = /prompt-cost:\s*([\d_,.]+)\s*\/\s*(month|day)/.exec(t); return m ? Number(m[1].replace(/[_,]/g, '')) * (m[2] === 'day' ? 30 : 1) : null; },
    });
    return { ...d, lines };
  } finally {
    tree.delete();
  }
}
