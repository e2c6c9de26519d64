// SARIF 2.1.0 for code-scanning services: one run, `tool.driver.rules` from the rules' metadata (helpUri to the
// rule's docs page), one result per finding with a 1-based region (columns in UTF-16 code units) and a partial
// fingerprint that survives lines moving, and the dollars as result and run properties.
// Validated against the official OASIS schema in test/unit/formatters.

import type { RuleMeta } from '../rules/types';
import type { Notice, Severity } from '../types';
import { roundUsd } from './numbers';
import type { FormatOptions, ScanResult, ScannedFile } from './types';
import { callViews, findingViews } from './views';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const FINGERPRINT_KEY = 'promptCostFinding/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

function level(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function formatSarif(scan: ScanResult, opts: FormatOptions): string {
  return `${JSON.stringify(toSarifLog(scan, opts), null, 2)}\n`;
}

export function toSarifLog(scan: ScanResult, opts: FormatOptions) {
  const rules = ruleDescriptors(scan, opts);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = scan.files.flatMap((file) => fileResults(file, ruleIndex));
  const driver: Record<string, unknown> = {
    name: scan.tool.name,
    version: scan.tool.version,
    ...(isSemver(scan.tool.version) ? { semanticVersion: scan.tool.version } : {}),
    ...(scan.tool.informationUri ? { informationUri: scan.tool.informationUri } : {}),
    rules,
  };
  const run: Record<string, unknown> = {
    tool: { driver },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(scan) }],
    ...(opts.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(opts.srcRoot) } } } : {}),
    artifacts: scan.files.map((f) => ({
      location: artifactLocation(f.result.path),
      ...(f.result.language ? { sourceLanguage: f.result.language } : {}),
      properties: {
        calls: f.result.calls.length,
        monthlyCost: roundUsd(f.result.monthlyCost),
        unpricedCalls: f.result.unpricedCalls,
        ...(f.result.skipped !== undefined ? { skipped: f.result.skipped } : {}),
      },
    })),
    results,
    columnKind: 'utf16CodeUnits',
    newlineSequences: ['\r\n', '\n', '\r'],
    properties: {
      calls: scan.summary.calls,
      monthlyCost: scan.summary.monthlyCost,
      worstCaseMonthlyCost: scan.summary.worstCaseMonthlyCost,
      unpricedCalls: scan.summary.unpriced,
      byModel: scan.summary.byModel,
      overBudget: scan.budgets.length > 0,
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

interface RuleDescriptor {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: Level };
  properties?: Record<string, unknown>;
}

function ruleDescriptors(scan: ScanResult, opts: FormatOptions): RuleDescriptor[] {
  const out: RuleDescriptor[] = opts.rules.map((meta) => describeRule(meta, opts.docsBaseUri));
  const known = new Set(out.map((r) => r.id));
  // A finding from a rule without metadata still needs a descriptor for its ruleIndex.
  for (const file of scan.files) {
    for (const f of file.result.findings) {
      if (!known.has(f.ruleId)) {
        known.add(f.ruleId);
        out.push({ id: f.ruleId });
      }
    }
  }
  return out;
}

function describeRule(meta: RuleMeta, docsBaseUri: string | undefined): RuleDescriptor {
  const helpUri = docsBaseUri ? new URL(meta.docs, docsBaseUri).href : undefined;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: level(meta.defaultSeverity) },
    properties: { fixable: meta.fixable, tags: ['cost', 'llm'] },
  };
}

function fileResults(file: ScannedFile, ruleIndex: Map<string, number>) {
  const costs = new Map(callViews(file).map((v) => [v.call.id, v]));
  const seen = new Map<string, number>();
  return findingViews(file).map(({ finding: f, region }) => {
    const lineText = file.lines.lineText(region.line).trim();
    const key = `${f.ruleId}\u0000${file.result.path}\u0000${lineText}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const call = f.callId ? costs.get(f.callId) : undefined;
    const properties: Record<string, unknown> = {};
    if (call) {
      properties.model = call.call.model;
      properties.monthlyCost = roundUsd(call.cost?.monthlyCost ?? null);
      properties.worstCaseMonthlyCost = roundUsd(call.cost?.worstCaseMonthlyCost ?? null);
      if (call.cost) properties.callsPerMonth = call.cost.callsPerMonth;
    }
    if (f.monthlySaving !== undefined) properties.monthlySaving = roundUsd(f.monthlySaving);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: level(f.severity),
      message: { text: f.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(file.result.path),
          region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
        },
      }],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash(key)}:${occurrence + 1}` },
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
  });
}

function notifications(scan: ScanResult) {
  const note = (n: Notice) => ({ level: n.level === 'info' ? 'note' : n.level, message: { text: n.message } });
  const out: Record<string, unknown>[] = scan.notices.map(note);
  for (const file of scan.files) {
    const locations = [{ physicalLocation: { artifactLocation: artifactLocation(file.result.path) } }];
    if (file.result.skipped !== undefined) {
      out.push({ level: 'note', message: { text: `Skipped ${file.result.path}: ${file.result.skipped}` }, locations });
    }
    for (const n of file.result.notices) out.push({ ...note(n), locations });
  }
  for (const b of scan.budgets) out.push({ level: 'error', message: { text: `Over budget: ${b.message}` } });
  return out;
}

/** Relative paths stay relative to %SRCROOT%; absolute ones become file URIs. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const posix = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${encodePath(posix)}` };
  if (posix.startsWith('/')) return { uri: `file://${encodePath(posix)}` };
  return { uri: encodePath(posix.replace(/^\.\//, '')), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const loc = artifactLocation(dir.replace(/\\/g, '/').replace(/\/?$/, '/'));
  return loc.uriBaseId ? `file:///${loc.uri}` : loc.uri;
}

function encodePath(p: string): string {
  return p.split('/').map((seg) => (/^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
}

function isSemver(v: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v);
}

/** 64-bit FNV-1a as 16 hex digits: stable across runs and machines, no crypto dependency in the pure core. */
function hash(s: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
