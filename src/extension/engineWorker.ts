// The engine's worker thread (bundled as dist/engineWorker.js): loading the engine and its first analyses (WASM
// parsers, tokenizer tables, price data) take seconds of CPU, and a workspace scan takes longer; none of it may
// block the extension host's main thread, which would freeze every extension. No `vscode` here.
// Loaded with require() on the main thread instead, the same file only exports the engine (EngineClient's
// fallback), so the engine is bundled once and the extension's own bundle stays small.

import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { ResolvedConfig } from '../core/config/types';
import { Engine } from '../core/engine';
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { DocumentTree, EngineRequest, EngineResponse, FileOutcome } from './engineProtocol';
import { runTask } from './engineTasks';

export { Engine, runTask };

if (!isMainThread && parentPort) serve(parentPort);

function serve(port: NonNullable<typeof parentPort>): void {
  const post = (m: EngineResponse) => port.postMessage(m);
  const configs = new Map<number, ResolvedConfig>();
  /** The last syntax tree per open document, for incremental re-parsing. */
  const trees = new Map<string, { tree: Tree; version: number }>();
  /** Tasks in flight that can be cancelled (model requests), by request id. */
  const aborts = new Map<number, AbortController>();

  /** The previous tree brought up to date with the edits, or null for a full parse. */
  function oldTreeFor(doc: DocumentTree | null | undefined): Tree | null {
    if (!doc) return null;
    const kept = trees.get(doc.key);
    if (!kept) return null;
    trees.delete(doc.key);
    if (kept.version !== doc.baseVersion) {
      kept.tree.delete();
      return null;
    }
    for (const e of doc.edits) kept.tree.edit(e);
    return kept.tree;
  }

  const t0 = performance.now();
  const engine = Engine.create({ assetsDir: (workerData as { assetsDir: string }).assetsDir });
  engine.then(() => post({ type: 'ready', ms: performance.now() - t0 }),
    (e: unknown) => post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }));

  port.on('message', (req: EngineRequest) => {
    switch (req.type) {
      case 'config':
        configs.set(req.configId, req.config);
        return;
      case 'dropConfig':
        configs.delete(req.configId);
        return;
      case 'forget':
        trees.get(req.key)?.tree.delete();
        trees.delete(req.key);
        return;
      case 'cancel':
        aborts.get(req.id)?.abort();
        return;
      case 'task': {
        const abort = new AbortController();
        aborts.set(req.id, abort);
        const config = configs.get(req.configId);
        void engine
          .then((e) => {
            if (!config) throw new Error(`unknown config ${req.configId}`);
            return runTask(e, config, req.task, abort.signal);
          })
          .then((value) => post({ type: 'taskDone', id: req.id, value }),
            (err: unknown) => post({ type: 'taskDone', id: req.id, error: err instanceof Error ? err.message : String(err) }))
          .finally(() => aborts.delete(req.id));
        return;
      }
      case 'analyze':
        void engine.then((e) => {
          const config = configs.get(req.configId);
          const outcomes = req.files.map((f, i): FileOutcome => {
            const t = performance.now();
            if (!config) return { error: `unknown config ${req.configId}`, ms: 0 };
            const doc = req.docs?.[i];
            const oldTree = oldTreeFor(doc);
            const keepTree = doc ? (tree: Tree) => trees.set(doc.key, { tree, version: doc.version }) : undefined;
            try {
              return { result: e.analyze({ ...f, oldTree, keepTree }, config), ms: performance.now() - t };
            } catch (err) {
              return { error: err instanceof Error ? err.message : String(err), ms: performance.now() - t };
            } finally {
              oldTree?.delete();
            }
          });
          post({ type: 'results', id: req.id, outcomes });
        }, () => { /* 'fatal' already sent */ });
    }
  });
}
