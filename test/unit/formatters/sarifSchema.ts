// Validates SARIF logs against the official OASIS SARIF 2.1.0 schema vendored in test/fixtures/cli (see
// SARIF-SCHEMA-ORIGIN.md there). The schema is draft-04; Ajv 8 speaks draft-07+, and the only draft-04 construct
// this schema uses is the `id` keyword, so it is dropped (with `$schema`) before compiling. The three string
// formats it uses are checked here, so no extra dependency is needed.

import Ajv, { type ErrorObject } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { CLI_FIXTURES } from './golden';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function isUri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) || /[\s<>"{}|\\^`]/.test(s)) return false;
  try { new URL(s); return true; } catch { return false; }
}

function isUriReference(s: string): boolean {
  if (/[\s<>"{}|\\^`]/.test(s)) return false;
  try { new URL(s, 'http://base.invalid/'); return true; } catch { return false; }
}

export function sarifValidator(): (log: unknown) => ErrorObject[] {
  const schema = JSON.parse(fs.readFileSync(path.join(CLI_FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : [...(validate.errors ?? [])]);
}
