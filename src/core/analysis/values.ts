// Abstract values the evaluator computes for expressions.

import type { Node } from '../languages/parser';
import type { PromptPiece, ProviderId } from '../types';
import type { SdkSpec } from '../detectors/spec';
import type { Entry, Expr, StrPart } from './ir';

/** How a value reached the place it is used: written there, through a same-file name, or as an env default. */
export type ValueSource = 'literal' | 'constant' | 'env-default';

export interface StrValue {
  t: 'str';
  parts: StrPart[];
  pieces: PromptPiece[];
  /** The expression where this string is formed (for ranges). */
  origin: Node;
  source: ValueSource;
  /** The variable or constant it was read from, when there is one. */
  name?: string;
}

export interface ObjValue {
  t: 'obj';
  spec: SdkSpec;
  type: string;
  provider: ProviderId;
  /** The constructor or factory call that made it (null when only a type annotation says what it is). */
  ctor: Extract<Expr, { k: 'call' }> | null;
  /** Whether the ctor's arguments describe this object (constructors, model factories) or not (`bind_tools(…)`). */
  ctorDescribes: boolean;
  parent: ObjValue | null;
  /** Class or factory name (`ChatOpenAI`, `GenerativeModel`) for reporting. */
  className: string;
  /** Reached through a same-file name (for model source). */
  viaName?: boolean;
  /** Made by a call that binds call options to it (LangChain `.bind(max_tokens=…)`): a cap there applies. */
  bindsOptions?: boolean;
}

export type Value =
  | StrValue
  | { t: 'num'; value: number; node: Node; source: ValueSource }
  | { t: 'bool'; value: boolean }
  | { t: 'null' }
  | { t: 'sdk'; spec: SdkSpec; path: string[] }
  | { t: 'pymod'; dotted: string }
  | ObjValue
  | { t: 'objpath'; obj: ObjValue; path: string[] }
  /** A class defined in the file, or an instance of it: attributes resolve to the class body's values. */
  | { t: 'cls'; node: Node; instance: boolean }
  | { t: 'dict'; entries: Entry[]; node: Node; fromCall?: boolean; partial?: boolean }
  | { t: 'list'; items: Expr[]; node: Node }
  /** A function expression (arrow, `function () {}`, lambda): calling it yields its return value (a factory). */
  | { t: 'func'; node: Node }
  | { t: 'env' }
  | { t: 'unknown'; env?: boolean };

export const UNKNOWN: Value = { t: 'unknown' };
export const ENV_UNKNOWN: Value = { t: 'unknown', env: true };
