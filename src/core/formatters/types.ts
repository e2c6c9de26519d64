// What the report formatters read: the results of one scan (one FileResult per file) plus what they need to turn
// UTF-16 offsets into 1-based line/column. Formatters are pure functions of this and their options.

import type { RuleMeta } from '../rules/types';
import type { FileResult, Notice, Severity } from '../types';
import type { LineIndex } from './lineIndex';

export interface ToolInfo {
  name: string;
  version: string;
  /** Absolute URL of the tool's home page (SARIF `informationUri`). */
  informationUri?: string;
}

export interface ScannedFile {
  result: FileResult;
  /** Built from the exact text that was analysed (empty for files that were skipped unread). */
  lines: LineIndex;
}

export interface ModelTotals {
  calls: number;
  /** Monthly USD of this model's priced calls. */
  monthlyCost: number;
  /** Calls of this model with no known price (not included in `monthlyCost`). */
  unpriced: number;
}

export interface ScanSummary {
  /** Files analysed (skipped ones excluded). */
  files: number;
  skipped: number;
  calls: number;
  /** Monthly USD of every priced call (unpriced calls are counted in `unpriced`, never as $0). */
  monthlyCost: number;
  /** Monthly USD if every uncapped call used the model's maximum output. */
  worstCaseMonthlyCost: number;
  unpriced: number;
  /** Keyed by model name; calls whose model could not be resolved are under `(unresolved)`. */
  byModel: Record<string, ModelTotals>;
  findings: Record<Severity, number>;
}

/** A budget that the scan as a whole (or a group of files) exceeds; per-call and per-file budgets are findings. */
export interface BudgetViolation {
  scope: 'total' | 'path';
  /** Where the limit was set: `--max-monthly-cost`, `.promptcost.json budgets.monthly`, `.promptcost.json paths["src/jobs/**"]`. */
  source: string;
  /** For `path` budgets: the glob. */
  glob?: string;
  /** USD per month. */
  limit: number;
  /** USD per month the matching calls cost. */
  actual: number;
  message: string;
}

export interface ScanResult {
  tool: ToolInfo;
  files: ScannedFile[];
  summary: ScanSummary;
  budgets: BudgetViolation[];
  /** Notices about the scan rather than one file (e.g. a path that matched no supported file). */
  notices: Notice[];
}

export type FormatName = 'stylish' | 'json' | 'sarif' | 'markdown';

export interface FormatOptions {
  /** Metadata of the rules that ran (SARIF `tool.driver.rules`, docs links). */
  rules: readonly RuleMeta[];
  /** ANSI colours (stylish only). */
  color?: boolean;
  /** Absolute base URL the rules' relative `docs` paths resolve against (SARIF `helpUri`, markdown links). */
  docsBaseUri?: string;
  /** Absolute folder the relative paths are relative to (SARIF `originalUriBaseIds`). */
  srcRoot?: string;
  /** Stylish: only errors and budget violations, no per-call rows. */
  quiet?: boolean;
  /** Markdown: how many calls the "top calls" table lists. */
  topCalls?: number;
  /** Markdown: at most this many findings rows (the rest are counted). */
  maxFindings?: number;
}

export type Formatter = (scan: ScanResult, opts: FormatOptions) => string;
