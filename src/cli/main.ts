// The `prompt-cost` command (bundled to dist/cli.js): dispatches `scan`, `compress`, `--help`, `--version`, and
// turns usage and configuration problems into exit code 2 with one clear message on stderr.

import { UsageError, parseScanArgs } from './args';
import { ConfigError } from './config';
import { HELP } from './help';
import { processIo, type CliIo } from './io';
import { TOOL } from './toolInfo';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP);
        return 0;
      case '-v':
      case '--version':
        io.stdout(`${TOOL.version}\n`);
        return 0;
      case 'scan':
        if (rest.includes('-h') || rest.includes('--help')) {
          io.stdout(HELP);
          return 0;
        }
      {
        const opts = parseScanArgs(rest);
        // Loaded on demand: --help, --version and usage errors stay instant.
        return await (await import('./scan')).runScan(opts, io);
      }
      case 'compress':
        return await (await import('./compressCommand')).runCompress(rest, io);
      default:
        throw new UsageError(command.startsWith('-')
          ? `Unknown option "${command}" before a command. Usage: prompt-cost scan [options] [paths...]`
          : `Unknown command "${command}". Commands: scan, compress. To scan it, run "prompt-cost scan ${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.stderr(`prompt-cost: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`prompt-cost: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
