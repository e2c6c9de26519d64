// A strict JSON parser (RFC 8259) that reports where things are: the offset of a syntax error, and the offset of
// every value by its JSON path. JSON.parse gives neither reliably (its messages differ between Node versions and
// some carry no position), and config errors are only useful with a line and column.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonParseResult =
  | { ok: true; value: JsonValue; positions: Map<string, number> }
  | { ok: false; message: string; offset: number };

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/** JSON path segments in the style `.paths[1].callsPerMonth` (keys that are not identifiers are quoted). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJsonWithPositions(text: string): JsonParseResult {
  const positions = new Map<string, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is tolerated, as editors write one

  const fail = (message: string, at = i): never => {
    // Comments are the most common reason a hand-edited JSON file fails; say so plainly.
    if (text[at] === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) message = 'comments are not allowed in JSON';
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of file' : `'${text[at]}'`);
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) fail(`expected ${what} but found ${describe(i)}`);
    i++;
  };

  /** After a member or element: true when the closing bracket follows (consumed), false after a comma. */
  const closes = (close: '}' | ']', what: string): boolean => {
    ws();
    if (text[i] === ',') {
      i++;
      ws();
      if (text[i] === close) fail(`trailing comma before '${close}'`);
      return false;
    }
    expect(close, `',' or '${close}' after the ${what}`);
    return true;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string (use an escape such as \\n)');
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('invalid escape in string');
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r) return fail(`unexpected ${describe(i)}`);
    i += r[0].length;
    return Number(r[0]);
  };

  const parseValue = (path: string, depth: number): JsonValue => {
    if (depth > 512) fail('nesting too deep');
    ws();
    positions.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: JsonValue } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe(i)}`);
        const keyAt = i;
        const key = parseString();
        ws();
        expect(':', "':' after the property name");
        const p = childPath(path, key);
        const value = parseValue(p, depth + 1);
        if (!positions.has(`${p}#key`)) positions.set(`${p}#key`, keyAt);
        // An own property even for `__proto__` (as JSON.parse does), never a prototype change.
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        if (closes('}', 'property value')) return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(childPath(path, arr.length), depth + 1));
        if (closes(']', 'array element')) return arr;
      }
    }
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(i >= text.length ? 'unexpected end of file' : `unexpected ${describe(i)}`);
  };

  try {
    const value = parseValue('', 0);
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
    return { ok: true, value, positions };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
