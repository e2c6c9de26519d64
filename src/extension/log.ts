// The "Prompt Cost" output channel (levels set with "Developer: Set Log Level…"). With PROMPT_COST_LOG_CONSOLE=1
// (integration tests, the editor bench) lines are mirrored to the extension host's console, which the test
// harness forwards to the terminal.

import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel('Prompt Cost', { log: true });
  if (process.env.PROMPT_COST_LOG_CONSOLE !== '1') return channel;
  const mirror = (level: 'trace' | 'debug' | 'info' | 'warn' | 'error') => {
    const original = channel[level].bind(channel) as (message: string | Error, ...args: unknown[]) => void;
    (channel as unknown as Record<string, unknown>)[level] = (message: string | Error, ...args: unknown[]) => {
      if (level !== 'trace' && level !== 'debug') console.log(`[prompt-cost ${level}] ${String(message)}`);
      original(message, ...args);
    };
  };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) mirror(level);
  return channel;
}
