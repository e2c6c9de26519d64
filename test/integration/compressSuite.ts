// Prompt compression in real VS Code (issue 4): the Compress prompt code action and command through VS Code's
// Refactor Preview, one undo, the output-length action, and the model-assisted rewrite against an
// OpenAI-compatible server started here on 127.0.0.1.

import * as assert from 'assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { PromptCostApi } from '../../src/extension/extension';
import type { RewriteOutcome } from '../../src/extension/compression';
import type { FileResult, Prompt } from '../../src/core/types';
import { codeActions as allCodeActions, positionOf, resultOf, useDocument } from './helpers';

export interface CompressionSpec {
  language: string;
  /** A file with a verbose system prompt constant sent by a call without an output cap. */
  file: string;
  /** The constant's name, and text inside its literal. */
  promptName: string;
  promptText: string;
  /** Text where the call without a cap starts. */
  call: string;
  /** Text outside any prompt literal and any call. */
  outside: string;
  /** Text inside the call's user prompt literal, which has placeholders (for the model-assisted rewrite). */
  userPromptText: string;
}

const COMPRESS_TITLE = /^Compress prompt \(−([\d,]+) tokens(?:, ≈ −\$[\d,.]+\/month)?\)$/;

const previewShown = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.startsWith('Refactor Preview')));

/**
 * Runs `start`, which applies an edit through VS Code's Refactor Preview, and answers the preview as a user
 * would: Discard; or open the diff, tick the change and Apply. The preview's commands act once it holds the edit;
 * until then they do nothing, so they are repeated (each a round trip to the workbench, no timers) until `start`
 * settles. Resolves with `start`'s result and whether the diff editor was shown.
 */
async function answerPreview<T>(start: () => Thenable<T>, answer: 'apply' | 'discard'): Promise<{ result: T; diffShown: boolean }> {
  // Before the preview's tree holds the edit, its list commands fail (e.g. "Invalid index 0"): not an answer yet.
  const run = (command: string) => Promise.resolve(vscode.commands.executeCommand(command)).catch(() => undefined);
  let settled = false;
  let diffShown = false;
  const done = Promise.resolve(start()).finally(() => { settled = true; });
  for (let i = 0; i < 2000 && !settled; i++) {
    if (answer === 'discard') {
      await run('refactorPreview.discard');
      continue;
    }
    // Open the diff of the first change: once it shows, the preview's tree holds the edit.
    await run('refactorPreview.focus');
    await run('list.focusFirst');
    if (!diffShown) {
      await run('list.select');
      diffShown = previewShown();
      if (!diffShown) continue;
      await run('refactorPreview.focus');
      await run('list.focusFirst');
    }
    // The change starts unticked (needsConfirmation): tick the file's node, then Apply.
    await run('refactorPreview.toggleCheckedState');
    await run('refactorPreview.apply');
  }
  assert.ok(settled, 'the Refactor Preview answered');
  return { result: await done, diffShown };
}

/** Applies through the preview, checking that the diff was shown first. */
async function applyThroughPreview<T>(start: () => Thenable<T>): Promise<T> {
  assert.ok(!previewShown(), 'no preview open before');
  const { result, diffShown } = await answerPreview(start, 'apply');
  assert.ok(diffShown, 'the Refactor Preview showed the diff');
  return result;
}

/**
 * The code actions VS Code collects at a range. It cancels a collection when another extension re-registers a
 * provider (some do on a settings change); that is asked again.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await allCodeActions(uri, range, kind);
    } catch (e) {
      if (attempt === 3 || !(e instanceof Error) || e.message !== 'Canceled') throw e;
    }
  }
}

function promptNamed(r: FileResult, name: string): Prompt {
  const p = r.prompts.find((x) => x.name === name);
  assert.ok(p, `prompt ${name}: ${r.prompts.map((x) => x.name ?? x.id).join(', ')}`);
  return p;
}

function tokensOf(r: FileResult, p: Prompt): number {
  const t = r.promptTokens.find((x) => x.promptId === p.id);
  assert.ok(t, `tokens of ${p.id}`);
  return t.tokens;
}

const placeholders = (p: Prompt) => p.placeholders.map((x) => x.text).sort();

export function defineCompressionSuite(spec: CompressionSpec): void {
  describe(`Prompt compression in real VS Code: ${spec.language} (${spec.file})`, function () {
    const opened = useDocument(spec.file);
    let pc: PromptCostApi, doc: vscode.TextDocument, original: string, uri: vscode.Uri;
    before(() => ({ pc, doc, original, uri } = opened));

    beforeEach(async () => {
      // Pinned, so opening another file (the preview's diff, a note) never replaces its tab.
      await vscode.window.showTextDocument(doc, { preview: false });
    });

    /** The Compress prompt action at a position (the one VS Code would show in the Refactor menu). */
    async function compressAction(pos: vscode.Position): Promise<vscode.CodeAction | undefined> {
      const all = await codeActions(uri, new vscode.Range(pos, pos), vscode.CodeActionKind.RefactorRewrite.value);
      return all.find((a) => a.title.startsWith('Compress prompt'));
    }

    it('offers "Compress prompt (−N tokens, ≈ −$X/month)" anywhere in a prompt literal, and only there', async () => {
      const r = await resultOf(pc, uri);
      const prompt = promptNamed(r, spec.promptName);
      const finding = r.findings.find((f) => f.ruleId === 'compressible-prompt' && f.promptId === prompt.id);
      assert.ok(finding, 'the fixture prompt is flagged compressible');
      const titles = new Set<string>();
      for (const at of [prompt.pieces[0].span.start + 1, doc.offsetAt(positionOf(doc, spec.promptText, 2)), prompt.pieces[0].span.end - 1]) {
        const action = await compressAction(doc.positionAt(at));
        assert.ok(action, `offered at offset ${at}`);
        assert.match(action.title, COMPRESS_TITLE);
        assert.ok(action.edit && !action.disabled, action.title);
        titles.add(action.title);
      }
      assert.strictEqual(titles.size, 1, [...titles].join(' / '));
      assert.match([...titles][0], /≈ −\$/, 'the call is priced: the title has the monthly saving');
      assert.strictEqual(await compressAction(positionOf(doc, spec.outside, 1)), undefined, 'not outside prompt literals');
    });

    it('is never part of fix-all', async () => {
      const r = await resultOf(pc, uri);
      const prompt = promptNamed(r, spec.promptName);
      const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.promptCost');
      for (const a of actions) {
        for (const [, edits] of a.edit?.entries() ?? []) {
          for (const e of edits) {
            const start = doc.offsetAt(e.range.start);
            assert.ok(!prompt.pieces.some((p) => p.span.start <= start && start < p.span.end), `fix-all edits the prompt: ${a.title}`);
          }
        }
      }
      const quick = await codeActions(uri, new vscode.Range(positionOf(doc, spec.promptText, 2), positionOf(doc, spec.promptText, 2)),
        vscode.CodeActionKind.QuickFix.value);
      assert.ok(!quick.some((a) => a.title.startsWith('Compress prompt')), 'not a quick fix');
    });

    it('applies as one edit of the literal only: same placeholders, fewer tokens, the saving in the title; one undo restores it', async () => {
      const r = await resultOf(pc, uri);
      const prompt = promptNamed(r, spec.promptName);
      const action = await compressAction(positionOf(doc, spec.promptText, 2));
      assert.ok(action?.edit);
      const saved = Number(COMPRESS_TITLE.exec(action.title)![1].replace(/,/g, ''));
      const entries = action.edit.entries();
      assert.strictEqual(entries.length, 1);
      assert.strictEqual(entries[0][0].toString(), uri.toString());
      for (const e of entries[0][1]) {
        const span = { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) };
        assert.ok(prompt.pieces.some((p) => p.span.start === span.start && p.span.end === span.end), 'replaces exactly a literal of the prompt');
      }
      const next = pc.nextAnalysis(uri);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      await next;
      const after = await resultOf(pc, uri);
      // Outside the literal, nothing moved.
      const piece = prompt.pieces[0].span;
      const grown = doc.getText().length - original.length;
      assert.strictEqual(doc.getText().slice(0, piece.start), original.slice(0, piece.start));
      assert.strictEqual(doc.getText().slice(piece.end + grown), original.slice(piece.end));
      assert.strictEqual(after.hasSyntaxErrors, false);
      const again = promptNamed(after, spec.promptName);
      assert.deepStrictEqual(placeholders(again), placeholders(prompt));
      assert.deepStrictEqual(again.callIds.length, prompt.callIds.length);
      assert.strictEqual(tokensOf(r, prompt) - tokensOf(after, again), saved, 'the title says what re-analysis counts');
      assert.ok(!after.findings.some((f) => f.ruleId === 'compressible-prompt' && f.promptId === again.id), 'no longer flagged');

      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'one undo restores the original text exactly');
    });

    it('marks the edit for the Refactor Preview: nothing changes until the change is ticked and applied', async () => {
      const pos = positionOf(doc, spec.promptText, 2);
      // As the provider built it: VS Code's executeCodeActionProvider drops edit metadata.
      const action = (await pc.codeActions(uri, new vscode.Range(pos, pos), vscode.CodeActionKind.RefactorRewrite))
        .find((a) => a.title.startsWith('Compress prompt'));
      assert.ok(action?.edit);
      await answerPreview(() => vscode.workspace.applyEdit(action.edit!), 'discard');
      assert.strictEqual(doc.getText(), original, 'discarded in the preview: the file is unchanged');
      const next = pc.nextAnalysis(uri);
      await applyThroughPreview(() => vscode.workspace.applyEdit(action.edit!));
      assert.notStrictEqual(doc.getText(), original, 'applied from the preview');
      await next;
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'one undo');
    });

    it('compresses the prompt under the cursor with the command, through the preview', async () => {
      const before = await resultOf(pc, uri);
      const prompt = promptNamed(before, spec.promptName);
      const editor = await vscode.window.showTextDocument(doc);
      const pos = positionOf(doc, spec.promptText, 2);
      editor.selection = new vscode.Selection(pos, pos);
      const { result: discarded } = await answerPreview(() => vscode.commands.executeCommand<RewriteOutcome>('promptCost.compressPrompt'), 'discard');
      assert.strictEqual(discarded.applied, false);
      assert.strictEqual(doc.getText(), original);
      const next = pc.nextAnalysis(uri);
      const outcome = await applyThroughPreview(() => vscode.commands.executeCommand<RewriteOutcome>('promptCost.compressPrompt'));
      assert.ok(outcome.applied, JSON.stringify(outcome));
      await next;
      const after = await resultOf(pc, uri);
      const again = promptNamed(after, spec.promptName);
      assert.strictEqual(tokensOf(before, prompt) - tokensOf(after, again), outcome.saved);
      assert.deepStrictEqual(placeholders(again), placeholders(prompt));
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'one undo');
    });

    it('offers a disabled action with the reason once there is nothing left to compress (idempotent)', async () => {
      const pos = () => positionOf(doc, spec.promptText.replace('in order to', 'to'), 2);
      const first = (await pc.codeActions(uri, new vscode.Range(positionOf(doc, spec.promptText, 2), positionOf(doc, spec.promptText, 2)),
        vscode.CodeActionKind.RefactorRewrite)).find((a) => a.title.startsWith('Compress prompt'));
      assert.ok(first?.edit);
      const next = pc.nextAnalysis(uri);
      // Applied without the preview: the entries, without their metadata.
      const plain = new vscode.WorkspaceEdit();
      for (const [u, edits] of first.edit.entries()) plain.set(u, edits);
      assert.ok(await vscode.workspace.applyEdit(plain));
      await next;
      const again = (await pc.codeActions(uri, new vscode.Range(pos(), pos()), vscode.CodeActionKind.RefactorRewrite))
        .filter((a) => a.title.startsWith('Compress prompt'));
      assert.strictEqual(again.length, 1);
      assert.strictEqual(again[0].edit, undefined);
      assert.match(again[0].disabled?.reason ?? '', /^Nothing to compress safely: /);
    });

    it('compresses selected plain text in a file the extension does not analyse', async () => {
      const noteUri = uri.with({ path: uri.path.replace(/[^/]+$/, 'prompt-notes.md') });
      await vscode.workspace.fs.writeFile(noteUri, new TextEncoder().encode(
        '# Notes\n\nPlease make sure to summarize the text in order to help the reader. Do not add facts.\n'));
      const note = await vscode.workspace.openTextDocument(noteUri);
      try {
        const editor = await vscode.window.showTextDocument(note);
        const start = note.getText().indexOf('Please');
        editor.selection = new vscode.Selection(note.positionAt(start), note.positionAt(note.getText().length - 1));
        const outcome = await applyThroughPreview(() => vscode.commands.executeCommand<RewriteOutcome>('promptCost.compressPrompt'));
        assert.ok(outcome.applied && outcome.saved! > 0, JSON.stringify(outcome));
        assert.strictEqual(note.getText(), '# Notes\n\nSummarize the text to help the reader. Do not add facts.\n');
      } finally {
        await vscode.window.showTextDocument(note);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(noteUri);
      }
    });

    describe('the output-length instruction', () => {
      const cfg = () => vscode.workspace.getConfiguration('promptCost');
      after(async () => {
        await cfg().update('outputLength.sentences', undefined, vscode.ConfigurationTarget.Workspace);
      });

      async function lengthAction(pos: vscode.Position): Promise<vscode.CodeAction | undefined> {
        const all = await codeActions(uri, new vscode.Range(pos, pos), vscode.CodeActionKind.RefactorRewrite.value);
        return all.find((a) => a.title.startsWith('Add "Answer in at most'));
      }

      it('is offered on a call without an output cap, applies to its system prompt, one undo', async () => {
        const r = await resultOf(pc, uri);
        const call = r.calls.find((c) => c.span.start === doc.offsetAt(positionOf(doc, spec.call)) ||
          doc.positionAt(c.span.start).line === positionOf(doc, spec.call).line);
        assert.ok(call && r.findings.some((f) => f.ruleId === 'missing-output-cap' && f.callId === call.id), 'the call is flagged');
        assert.strictEqual(await lengthAction(positionOf(doc, spec.outside, 1)), undefined, 'not outside the call');
        const action = await lengthAction(positionOf(doc, spec.call, 3));
        assert.ok(action?.edit, 'offered in the call');
        assert.strictEqual(action.title, 'Add "Answer in at most 3 sentences." to the system prompt (changes the answers)');
        assert.strictEqual(action.kind?.value, vscode.CodeActionKind.RefactorRewrite.value);
        const next = pc.nextAnalysis(uri);
        assert.ok(await vscode.workspace.applyEdit(action.edit));
        const after = await next;
        assert.strictEqual(after.hasSyntaxErrors, false);
        assert.match(promptNamed(after, spec.promptName).text, /Answer in at most 3 sentences\.\s*$/);
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(doc.getText(), original, 'one undo');
      });

      it('takes N from promptCost.outputLength.sentences, or from the command', async () => {
        const reanalysed = pc.nextAnalysis(uri);
        await cfg().update('outputLength.sentences', 2, vscode.ConfigurationTarget.Workspace);
        await reanalysed;
        const action = await lengthAction(positionOf(doc, spec.call, 3));
        assert.strictEqual(action?.title, 'Add "Answer in at most 2 sentences." to the system prompt (changes the answers)');
        const r = await resultOf(pc, uri);
        const call = r.calls[0];
        const next = pc.nextAnalysis(uri);
        const outcome = await vscode.commands.executeCommand<RewriteOutcome>('promptCost.addOutputLengthInstruction', uri, call.id, 5);
        assert.ok(outcome.applied);
        assert.match(promptNamed(await next, spec.promptName).text, /Answer in at most 5 sentences\.\s*$/);
      });
    });

    describe('the model-assisted rewrite (OpenAI-compatible server on 127.0.0.1)', () => {
      type Mode = 'shorten' | 'drop-placeholder' | 'hang' | 'malformed';
      let mode: Mode = 'shorten';
      let server: http.Server;
      const requests: { auth?: string; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
      const hanging: http.ServerResponse[] = [];
      const cfg = () => vscode.workspace.getConfiguration('promptCost');
      const reply = (content: string) => JSON.stringify({
        id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: 'test-shortener',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      });

      before(async () => {
        server = http.createServer((req, res) => {
          let raw = '';
          req.on('data', (c) => { raw += c; });
          req.on('end', () => {
            const body = JSON.parse(raw);
            requests.push({ auth: req.headers.authorization, body });
            if (mode === 'hang') { hanging.push(res); return; }
            const text = (JSON.parse(body.messages[1].content) as { prompt: string }).prompt;
            const proposal = mode === 'drop-placeholder' ? text.replace(/\$?\{[^}]*\}/g, '').trim()
              : text.replace(/^Could you please triage/, 'Triage');
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(reply(mode === 'malformed' ? `Sure! Here is a shorter prompt: ${proposal}` : JSON.stringify({ prompt: proposal })));
          });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as AddressInfo).port;
        await cfg().update('modelRewrite.baseURL', `http://127.0.0.1:${port}/v1`, vscode.ConfigurationTarget.Global);
        await cfg().update('modelRewrite.model', 'test-shortener', vscode.ConfigurationTarget.Global);
        await cfg().update('modelRewrite.timeoutMs', 1500, vscode.ConfigurationTarget.Global);
        await cfg().update('modelRewrite.enabled', true, vscode.ConfigurationTarget.Global);
        assert.strictEqual(await vscode.commands.executeCommand('promptCost.setModelRewriteApiKey', 'sk-test-from-secret-storage'), true);
      });

      after(async () => {
        for (const res of hanging) res.destroy();
        await new Promise((resolve) => server.close(resolve));
        for (const key of ['enabled', 'baseURL', 'model', 'timeoutMs']) {
          await cfg().update(`modelRewrite.${key}`, undefined, vscode.ConfigurationTarget.Global);
        }
        await vscode.commands.executeCommand('promptCost.clearModelRewriteApiKey');
        delete process.env.PROMPT_COST_OPENAI_API_KEY;
      });

      async function rewriteAction(): Promise<vscode.CodeAction> {
        const pos = positionOf(doc, spec.userPromptText, 2);
        const all = await codeActions(uri, new vscode.Range(pos, pos), vscode.CodeActionKind.RefactorRewrite.value);
        const action = all.find((a) => a.title === 'Rewrite prompt with test-shortener…');
        assert.ok(action?.command, all.map((a) => a.title).join(', '));
        return action;
      }

      const run = (action: vscode.CodeAction) => vscode.commands.executeCommand<RewriteOutcome>(
        action.command!.command, ...(action.command!.arguments ?? []));

      it('offers "Rewrite prompt with <model>…"; applies the checked proposal through the preview; key from SecretStorage', async () => {
        const before = await resultOf(pc, uri);
        const prompt = before.prompts.find((p) => p.pieces.some((x) => x.span.start <= doc.offsetAt(positionOf(doc, spec.userPromptText))
          && doc.offsetAt(positionOf(doc, spec.userPromptText)) < x.span.end))!;
        assert.ok(prompt.placeholders.length > 0, 'the user prompt has placeholders');
        mode = 'shorten';
        requests.length = 0;
        const action = await rewriteAction();
        const next = pc.nextAnalysis(uri);
        const outcome = await applyThroughPreview(() => run(action));
        assert.ok(outcome.applied, JSON.stringify(outcome));
        assert.ok(requests.length >= 1);
        for (const r of requests) {
          assert.strictEqual(r.auth, 'Bearer sk-test-from-secret-storage');
          assert.strictEqual(r.body.model, 'test-shortener');
        }
        const after = await next;
        assert.strictEqual(after.hasSyntaxErrors, false);
        const again = after.prompts.find((p) => p.pieces[0].span.start === prompt.pieces[0].span.start)!;
        assert.match(again.text, /^Triage this ticket/);
        assert.deepStrictEqual(placeholders(again), placeholders(prompt));
        assert.strictEqual(tokensOf(before, prompt) - tokensOf(after, again), outcome.saved);
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(doc.getText(), original, 'one undo');
      });

      it('rejects a proposal that drops a placeholder, with the reason; nothing applied', async () => {
        mode = 'drop-placeholder';
        const outcome = await run(await rewriteAction());
        assert.strictEqual(outcome.applied, false);
        assert.match(outcome.reason ?? '', /placeholder/i);
        assert.strictEqual(doc.getText(), original);
      });

      it('reports a reply that is not the requested JSON', async () => {
        mode = 'malformed';
        const outcome = await run(await rewriteAction());
        assert.strictEqual(outcome.applied, false);
        assert.match(outcome.reason ?? '', /JSON/);
        assert.strictEqual(doc.getText(), original);
      });

      it('gives up after promptCost.modelRewrite.timeoutMs', async () => {
        mode = 'hang';
        const t0 = Date.now();
        const outcome = await run(await rewriteAction());
        assert.strictEqual(outcome.applied, false);
        assert.match(outcome.reason ?? '', /did not answer in time/);
        assert.ok(Date.now() - t0 < 10_000, `${Date.now() - t0} ms`);
        assert.strictEqual(doc.getText(), original);
      });

      it('falls back to PROMPT_COST_OPENAI_API_KEY without a stored key', async () => {
        await vscode.commands.executeCommand('promptCost.clearModelRewriteApiKey');
        process.env.PROMPT_COST_OPENAI_API_KEY = 'sk-test-from-env';
        mode = 'drop-placeholder';
        requests.length = 0;
        await run(await rewriteAction());
        assert.strictEqual(requests[0]?.auth, 'Bearer sk-test-from-env');
      });
    });
  });
}
