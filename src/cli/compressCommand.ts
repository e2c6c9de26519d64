// PLACEHOLDER written by the "cli" helper so `prompt-cost compress` has a dispatch target; the "compress" helper
// owns this file and replaces it with the real command (same exported signature).

export interface CompressIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export async function runCompress(_argv: string[], io: CompressIo): Promise<number> {
  io.stderr('prompt-cost: the compress command is not available in this build yet.\n');
  return 2;
}
