// The extension host's handle on the engine: it runs in a worker thread (engineWorker.ts), so neither its loading
// nor any analysis blocks the main thread. If the worker cannot start, the engine runs in-process instead, one
// file per macrotask.

import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { ResolvedConfig } from '../core/config/types';
import type { AnalyzeInput, Engine } from '../core/engine';
import type { DocumentTree, EngineRequest, EngineResponse, FileOutcome } from './engineProtocol';
import type { EngineTask, TaskResult, runTask } from './engineTasks';

/** What the worker bundle exports when required on the main thread (the fallback). */
interface WorkerModule {
  Engine: typeof Engine;
  runTask: typeof runTask;
}

/** Configs kept in the worker; older ones are dropped (a settings change makes new ones). */
const LIVE_CONFIGS = 16;

export class EngineClient {
  private worker?: Worker;
  /** Requests awaiting the worker's answer (analysis outcomes or a task's result), by id. */
  private readonly waiting = new Map<number, (answer: unknown) => void>();
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private readonly liveConfigs: number[] = [];
  private nextId = 1;
  private local?: Promise<Engine>;
  mode: 'worker' | 'main-thread' = 'worker';
  /** Engine load time (in the worker, or in-process), ms; null until loaded. */
  engineLoadMs: number | null = null;

  constructor(private readonly assetsDir: string, private readonly log: vscode.LogOutputChannel) {
    const script = path.join(assetsDir, 'engineWorker.js');
    if (!fs.existsSync(script)) throw new Error(`${script} is missing: the extension is not built (node esbuild.js)`);
    if (process.env.PROMPT_COST_ENGINE_IN_PROCESS === '1') {
      this.fallBack('PROMPT_COST_ENGINE_IN_PROCESS=1');
      return;
    }
    const w = new Worker(script, { workerData: { assetsDir } });
    this.worker = w;
    w.on('message', (m: EngineResponse) => this.onMessage(m));
    w.on('error', (e) => this.fallBack(`worker error: ${e.message}`));
    w.on('exit', (code) => { if (this.worker === w) this.fallBack(`worker exited with code ${code}`); });
  }

  private onMessage(m: EngineResponse): void {
    switch (m.type) {
      case 'ready':
        this.engineLoadMs = m.ms;
        this.log.info(`engine ready in its worker thread after ${m.ms.toFixed(0)} ms`);
        break;
      case 'results':
        this.waiting.get(m.id)?.(m.outcomes);
        this.waiting.delete(m.id);
        break;
      case 'taskDone':
        this.waiting.get(m.id)?.(m.error !== undefined ? new TaskError(m.error) : { value: m.value });
        this.waiting.delete(m.id);
        break;
      case 'fatal':
        this.fallBack(`engine failed to load in the worker: ${m.message}`);
        break;
    }
  }

  /** Stops using the worker; requests in flight are answered by the in-process engine. */
  private fallBack(reason: string): void {
    if (this.mode === 'main-thread') return;
    this.log.warn(`${reason}; analysing on the main thread instead`);
    this.mode = 'main-thread';
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    for (const [id, resolve] of this.waiting) resolve(new Error(`request ${id} interrupted`));
    this.waiting.clear();
  }

  /** The id of the config in the worker, sending it first when the worker does not hold it (any more). */
  private configId(config: ResolvedConfig): number {
    if (!this.liveConfigs.includes(this.configIds.get(config) ?? -1)) this.configIds.delete(config);
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextId++;
      this.configIds.set(config, id);
      this.post({ type: 'config', configId: id, config });
      this.liveConfigs.push(id);
      if (this.liveConfigs.length > LIVE_CONFIGS) this.post({ type: 'dropConfig', configId: this.liveConfigs.shift()! });
    }
    return id;
  }

  private post(m: EngineRequest): void {
    this.worker?.postMessage(m);
  }

  /**
   * Analyses files with one config; one outcome per file, in order. Never rejects for a file's own error.
   * `docs` (open documents only) lets the worker re-parse incrementally; the in-process fallback ignores it.
   */
  async analyze(config: ResolvedConfig, files: AnalyzeInput[], docs?: (DocumentTree | null)[]): Promise<FileOutcome[]> {
    if (this.worker) {
      const configId = this.configId(config);
      const id = this.nextId++;
      const answer = await new Promise<FileOutcome[] | Error>((resolve) => {
        this.waiting.set(id, resolve as (answer: unknown) => void);
        this.post({ type: 'analyze', id, configId, files, docs });
      });
      if (!(answer instanceof Error)) return answer;
    }
    return this.analyzeLocally(config, files);
  }

  /** Whether the worker holds syntax trees to update incrementally. */
  get incremental(): boolean {
    return !!this.worker;
  }

  forget(key: string): void {
    this.post({ type: 'forget', key });
  }

  /**
   * Runs a compression or model-rewrite task where the engine runs. Rejects with the task's error; `token`
   * cancels a model request in flight (the rewrite then answers that it was cancelled).
   */
  async run<T extends EngineTask>(config: ResolvedConfig, task: T, token?: vscode.CancellationToken): Promise<TaskResult<T>> {
    if (this.worker) {
      const configId = this.configId(config);
      const id = this.nextId++;
      const sub = token?.onCancellationRequested(() => this.post({ type: 'cancel', id }));
      try {
        const answer = await new Promise<unknown>((resolve) => {
          this.waiting.set(id, resolve);
          this.post({ type: 'task', id, configId, task });
        });
        if (answer instanceof TaskError) throw answer;
        if (!(answer instanceof Error)) return (answer as { value: TaskResult<T> }).value;
      } finally {
        sub?.dispose();
      }
    }
    const mod = this.localModule();
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      return await mod.runTask(await this.localEngine(mod), config, task, abort.signal) as TaskResult<T>;
    } finally {
      sub?.dispose();
    }
  }

  private localModule(): WorkerModule {
    // The worker bundle exports the engine when required on the main thread (one copy of it in the package).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(this.assetsDir, 'engineWorker.js')) as WorkerModule;
  }

  private localEngine(mod: WorkerModule): Promise<Engine> {
    if (!this.local) {
      const t0 = performance.now();
      this.local = mod.Engine.create({ assetsDir: this.assetsDir });
      void this.local.then(() => { this.engineLoadMs = performance.now() - t0; });
    }
    return this.local;
  }

  private async analyzeLocally(config: ResolvedConfig, files: AnalyzeInput[]): Promise<FileOutcome[]> {
    const engine = await this.localEngine(this.localModule());
    const out: FileOutcome[] = [];
    for (const f of files) {
      if (out.length) await new Promise((r) => setImmediate(r));
      const t = performance.now();
      try {
        out.push({ result: engine.analyze(f, config), ms: performance.now() - t });
      } catch (e) {
        out.push({ error: e instanceof Error ? e.message : String(e), ms: performance.now() - t });
      }
    }
    return out;
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }
}

/** A task that failed in the worker (as opposed to the worker going away, after which the task runs in-process). */
class TaskError extends Error {}
