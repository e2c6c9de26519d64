// Shared by the compression tests: one real o200k counter (the engine's TokenCounter), loaded once.

import { TokenCounter } from '../../../src/core/tokens';
import type { CountTokens, PassContext } from '../../../src/core/compress/types';

let counter: TokenCounter | undefined;

export async function loadCounter(): Promise<CountTokens> {
  counter ??= await TokenCounter.create();
  const c = counter;
  return (text) => c.countWith(text, 'o200k_base');
}

export function passContext(countTokens: CountTokens, overrides: Partial<PassContext> = {}): PassContext {
  return { level: 'safe', countTokens, keepLeadingWhitespace: false, keepTrailingWhitespace: false, continuesSentence: false, ...overrides };
}
