// The report formats the CLI offers, by name.

import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { FormatName, Formatter } from './types';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

export { LineIndex, regionOf } from './lineIndex';
export type { Position, Region } from './lineIndex';
export { formatInt, formatUsd } from './numbers';
export { summarize } from './summary';
export { toJsonReport } from './json';
export { toSarifLog } from './sarif';
export type * from './types';
