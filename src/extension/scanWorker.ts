// The workspace scan's worker thread: its own engine, so analysing thousands of files never blocks the extension
// host's main thread. Bundled by esbuild as dist/scanWorker.js. No `vscode` here.

import { parentPort, workerData } from 'worker_threads';
import { Engine } from '../core/engine';
import type { ScanRequest, ScanResponse } from './scanProtocol';

const port = parentPort!;
const engine = Engine.create({ assetsDir: (workerData as { assetsDir: string }).assetsDir });

port.on('message', (req: ScanRequest) => {
  engine.then((e) => {
    const results = req.files.map((f) => {
      try {
        return { path: f.path, result: e.analyze(f, req.config) };
      } catch (err) {
        return { path: f.path, error: err instanceof Error ? err.message : String(err) };
      }
    });
    port.postMessage({ id: req.id, results } satisfies ScanResponse);
  }, (err: unknown) => {
    port.postMessage({ id: req.id, fatal: err instanceof Error ? err.message : String(err) } satisfies ScanResponse);
  });
});
