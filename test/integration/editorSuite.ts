// The editor assertions of issue 3, run against one fixture workspace (Python or TypeScript) in real VS Code.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PromptCostApi } from '../../src/extension/extension';
import type { FileResult } from '../../src/core/types';
import { formatInt, formatUsd } from '../../src/extension/format';
import {
  applyAction, codeActions, codeLenses, codeValue, countRule, deleteFile, diagnosticsFor, hoverText,
  inlayHints, labelText, open, ourDiagnostics, positionOf, resultOf, setText, useDocument, workspaceUri, writeFile,
} from './helpers';

export interface FixtureSpec {
  language: string;
  /** The main file, relative to the workspace folder. */
  main: string;
  /** A second analysed file (status bar switching, workspace scan). */
  other: string;
  /** Text at the start of a call that has no output cap. */
  uncappedCall: string;
  /** Text at the start of a call that has an output cap. */
  cappedCall: string;
  /** A model name no price list knows. */
  unknownModel: string;
  /** Text inside a prompt constant's literal, and the constant's name. */
  promptText: string;
  promptName: string;
  /** Inserted before `breakBefore` to make the file half-typed. */
  syntaxBreak: string;
  breakBefore: string;
  /** A minified file to create (relative path) for the skip test. */
  minifiedFile: string;
  minifiedLine: (i: number) => string;
}

/**
 * Applies `fn` and resolves with the first analysis that satisfies `done` (the API's events, no polling). Fails
 * with what was last seen when no such analysis arrives within `ms`.
 */
async function analysisUntil(a: PromptCostApi, uri: vscode.Uri, fn: () => Thenable<unknown> | Promise<unknown>,
  done: (r: FileResult) => boolean, what = 'the expected analysis', ms = 20_000): Promise<FileResult> {
  let last: FileResult | undefined;
  let settled = false;
  const reached = new Promise<FileResult>((resolve, reject) => {
    const listen = (): void => {
      void a.nextAnalysis(uri).then((r) => {
        if (settled) return;
        last = r;
        if (done(r)) { settled = true; resolve(r); } else listen();
      });
    };
    listen();
    setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new Error(`no analysis showed ${what} within ${ms} ms; last: ` +
        (last ? last.findings.map((f) => `${f.ruleId}@${f.span.start}`).join(', ') + ` syntaxErrors=${last.hasSyntaxErrors}` : 'none')));
    }, ms);
  });
  await fn();
  return reached;
}

function rangeText(doc: vscode.TextDocument, r: vscode.Range): string {
  return doc.getText(r);
}

export function defineEditorSuite(spec: FixtureSpec): void {
  describe(`Prompt Cost in real VS Code: ${spec.language} (${spec.main})`, function () {
    const opened = useDocument(spec.main);
    let pc: PromptCostApi, doc: vscode.TextDocument, original: string, uri: vscode.Uri;
    before(() => ({ pc, doc, original, uri } = opened));

    it('activates, declares untrusted-workspace support and analyses the open file', async () => {
      const ext = vscode.extensions.getExtension('prompt-cost.prompt-cost-lint')!;
      assert.strictEqual(ext.isActive, true);
      assert.strictEqual(ext.packageJSON.capabilities.untrustedWorkspaces.supported, true);
      const r = await resultOf(pc, uri);
      assert.ok(r.calls.length >= 4, `calls found: ${r.calls.map((c) => c.api).join(', ')}`);
      assert.strictEqual(r.skipped, undefined);
    });

    it('publishes a diagnostic per finding: source, rule code with docs link, range, dollars in the message', async () => {
      const r = await resultOf(pc, uri);
      const diags = await diagnosticsFor(pc, uri);
      for (const f of r.findings) {
        const range = new vscode.Range(doc.positionAt(f.span.start), doc.positionAt(f.span.end));
        const d = diags.find((x) => codeValue(x) === f.ruleId && x.range.isEqual(range));
        assert.ok(d, `diagnostic for ${f.ruleId} at ${range.start.line + 1}:${range.start.character + 1}`);
        assert.strictEqual(d.message, f.message);
        const target = (d.code as { target: vscode.Uri }).target;
        assert.ok(target.path.endsWith(`/docs/rules/${f.ruleId}.md`), target.toString());
      }
      // The uncapped call is flagged on its own line, with the worst case in dollars; the capped one is not.
      const uncappedLine = positionOf(doc, spec.uncappedCall).line;
      const cap = diags.filter((d) => codeValue(d) === 'missing-output-cap');
      const onUncapped = cap.find((d) => d.range.start.line >= uncappedLine && d.range.start.line <= uncappedLine + 1);
      assert.ok(onUncapped, `missing-output-cap near line ${uncappedLine + 1}: ${cap.map((d) => d.range.start.line + 1)}`);
      assert.match(onUncapped.message, /\$[\d,.]+/);
      assert.ok(!/\s/.test(rangeText(doc, onUncapped.range)) || onUncapped.range.start.line === uncappedLine,
        'underlines the callee, not the whole call');
      const cappedLine = positionOf(doc, spec.cappedCall).line;
      assert.ok(!cap.some((d) => d.range.start.line === cappedLine), 'no missing-output-cap on the capped call');
      const unknown = diags.filter((d) => codeValue(d) === 'unknown-model');
      const modelLine = positionOf(doc, spec.unknownModel).line;
      assert.ok(unknown.some((d) => d.range.start.line <= modelLine && d.range.end.line >= modelLine - 3),
        `unknown-model near line ${modelLine + 1}`);
    });

    it('applies every quick fix as one edit that leaves code re-analysing without that finding', async () => {
      const first = await resultOf(pc, uri);
      const targets = first.findings.map((f) => ({ ruleId: f.ruleId, span: f.span }));
      assert.ok(targets.length > 0, 'fixture has findings');
      let applied = 0;
      for (const t of targets) {
        await setText(pc, doc, original);
        const range = new vscode.Range(doc.positionAt(t.span.start), doc.positionAt(t.span.end));
        const all = await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value);
        // (Actions come back from the command without their `diagnostics`: the range picks the finding.)
        const actions = all.filter((a) => a.command?.command !== 'promptCost.setCallsPerMonth');
        assert.ok(actions.length >= 2, `${t.ruleId} at ${range.start.line + 1}:${range.start.character + 1}: quick fixes ` +
          `${JSON.stringify(all.map((a) => [a.title, a.diagnostics?.map((d) => [codeValue(d), d.range.start.line + 1])]))}; ` +
          `diagnostics ${JSON.stringify(ourDiagnostics(uri).map((d) => [codeValue(d), d.range.start.line + 1, d.range.start.character + 1]))}`);
        for (const action of actions) {
          await setText(pc, doc, original);
          const before = countRule(await resultOf(pc, uri), t.ruleId);
          const fileWide = /in this file/.test(action.title);
          const mapsModel = action.command?.command === 'promptCost.mapModel';
          const after = await analysisUntil(pc, uri, () => applyAction(action, 'gpt-4o'),
            (r) => countRule(r, t.ruleId) === (fileWide ? 0 : before - 1),
            `${t.ruleId} gone after "${action.title}"`);
          assert.strictEqual(after.hasSyntaxErrors, false, `"${action.title}" leaves code that parses`);
          if (mapsModel) assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.promptcost.json'))), /"modelAliases"/);
          else assert.notStrictEqual(doc.getText(), original, `"${action.title}" edited the file`);
          applied++;
          if (mapsModel) {
            // Back to no config file, and to the finding it had removed, before the next action.
            await setText(pc, doc, original);
            await analysisUntil(pc, uri, () => deleteFile(workspaceUri('.promptcost.json')),
              (r) => countRule(r, t.ruleId) === countRule(first, t.ruleId), `${t.ruleId} back without the config file`);
          }
        }
      }
      assert.ok(applied >= targets.length * 2);
    });

    it('sets calls per month for a call with the annotation comment', async () => {
      const r = await resultOf(pc, uri);
      const call = r.calls.find((c) => doc.positionAt(c.span.start).line === positionOf(doc, spec.uncappedCall).line)!;
      assert.ok(call, 'the uncapped call');
      const range = new vscode.Range(doc.positionAt(call.nameSpan.start), doc.positionAt(call.nameSpan.end));
      const action = (await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value))
        .find((a) => a.command?.command === 'promptCost.setCallsPerMonth');
      assert.ok(action, 'set-calls-per-month action');
      const after = await analysisUntil(pc, uri, () => applyAction(action, '20000/month'),
        (x) => x.costs.some((c) => c.callsPerMonth === 20000));
      const cost = after.costs.find((c) => c.callsPerMonth === 20000)!;
      assert.strictEqual(cost.callsPerMonthSource.kind, 'annotation');
      assert.match(doc.getText(), /prompt-cost: 20000\/month/);
    });

    it('fix-all applies only the safe fixes, in one edit', async () => {
      const r = await resultOf(pc, uri);
      const safe = r.findings.filter((f) => f.fixes.some((x) => x.safe && !x.file));
      const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.promptCost');
      const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.promptCost');
      if (!safe.length) {
        assert.strictEqual(fixAll, undefined);
        return;
      }
      assert.ok(fixAll?.edit, 'a fix-all action');
      const safeRules = new Set(safe.map((f) => f.ruleId));
      const after = await analysisUntil(pc, uri, () => applyAction(fixAll),
        (x) => x.findings.filter((f) => safeRules.has(f.ruleId) && f.fixes.some((y) => y.safe)).length < safe.length);
      assert.strictEqual(after.hasSyntaxErrors, false);
      const unsafeBefore = r.findings.filter((f) => !f.fixes.some((x) => x.safe && !x.file)).map((f) => f.ruleId).sort();
      const unsafeAfter = after.findings.filter((f) => !f.fixes.some((x) => x.safe && !x.file)).map((f) => f.ruleId).sort();
      assert.deepStrictEqual(unsafeAfter, unsafeBefore, 'findings without a safe fix stay');
    });

    it('hovers a call with the token breakdown, model origin, price source and monthly costs', async () => {
      const r = await resultOf(pc, uri);
      const pos = positionOf(doc, spec.uncappedCall, spec.uncappedCall.length - 2);
      const call = r.calls.find((c) => c.span.start <= doc.offsetAt(pos) && doc.offsetAt(pos) <= c.span.end)!;
      const cost = r.costs.find((c) => c.callId === call.id)!;
      const text = await hoverText(uri, pos);
      assert.ok(text.includes(call.model!), text);
      assert.match(text, /Model from a literal/);
      assert.match(text, /\| message \| role \| tokens \|/);
      assert.match(text, /per 1M tokens: input \$[\d.]+/);
      assert.ok(cost.price, 'the call is priced');
      assert.ok(text.replace(/\\(.)/g, '$1').includes(cost.price.source), `price source ${cost.price.source}`);
      assert.ok(text.includes(formatUsd(cost.monthlyCost)), `monthly ${formatUsd(cost.monthlyCost)}`);
      assert.ok(text.includes(`worst case ${formatUsd(cost.worstCaseMonthlyCost)}`), 'worst case');
      assert.ok(text.includes(`${formatInt(cost.callsPerMonth)} calls/month`), 'calls per month and where from');
    });

    it('hovers a prompt with its tokens and placeholders', async () => {
      const r = await resultOf(pc, uri);
      const text = await hoverText(uri, positionOf(doc, spec.promptText, 3));
      const prompt = r.prompts.find((p) => p.name === spec.promptName)!;
      assert.ok(prompt, `prompt ${spec.promptName}`);
      const t = r.promptTokens.find((x) => x.promptId === prompt.id)!;
      assert.ok(text.includes(`${formatInt(t.tokens)} tokens`), text);
      assert.ok(text.includes(spec.promptName));
      assert.match(text, /Sent by: /);
    });

    it('shows a CodeLens above each call, formatted when resolved', async () => {
      const r = await resultOf(pc, uri);
      const lenses = await codeLenses(uri);
      assert.strictEqual(lenses.length, r.calls.length);
      for (const call of r.calls) {
        const line = doc.positionAt(call.span.start).line;
        const lens = lenses.find((l) => l.range.start.line === line);
        assert.ok(lens?.command, `lens on line ${line + 1}`);
        const cost = r.costs.find((c) => c.callId === call.id)!;
        assert.ok(lens.command.title.includes(`${formatInt(cost.inputTokens)} in`), lens.command.title);
        if (cost.price) assert.ok(lens.command.title.includes(`${formatUsd(cost.costPerCall)}/call`), lens.command.title);
        else assert.ok(lens.command.title.includes(call.model ?? 'model unknown'), lens.command.title);
        assert.strictEqual(lens.command.command, 'promptCost.showCallDetails');
      }
    });

    it('shows token counts on prompt strings as inlay hints', async () => {
      const r = await resultOf(pc, uri);
      const hints = await inlayHints(doc);
      const counted = r.prompts.filter((p) => r.promptTokens.some((t) => t.promptId === p.id));
      assert.strictEqual(hints.length, counted.length);
      assert.ok(hints.every((h) => / tokens?$/.test(labelText(h))), hints.map(labelText).join(', '));
    });

    it('turns inline token counts off and on with the setting', async () => {
      const cfg = vscode.workspace.getConfiguration('promptCost');
      const shown = (await inlayHints(doc)).length;
      assert.ok(shown > 0);
      try {
        await cfg.update('display.inlineTokens', 'off', vscode.ConfigurationTarget.Workspace);
        assert.strictEqual((await inlayHints(doc)).length, 0);
      } finally {
        await cfg.update('display.inlineTokens', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.strictEqual((await inlayHints(doc)).length, shown);
    });

    it('hides inline counts while typing when promptCost.display.inlineTokensWhileTyping is off, shows them after the pause', async () => {
      const cfg = vscode.workspace.getConfiguration('promptCost');
      await cfg.update('display.inlineTokensWhileTyping', false, vscode.ConfigurationTarget.Workspace);
      try {
        await new Promise((r) => setTimeout(r, 1100)); // past the typing pause of earlier edits
        const shown = (await inlayHints(doc)).length;
        assert.ok(shown > 0);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, doc.positionAt(doc.getText().length), '\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.strictEqual((await inlayHints(doc)).length, 0, 'hidden right after a keystroke');
        let back = 0;
        for (let i = 0; i < 100 && back === 0; i++) { await new Promise((r) => setTimeout(r, 50)); back = (await inlayHints(doc)).length; }
        assert.strictEqual(back, shown, 'back once typing pauses');
      } finally {
        await cfg.update('display.inlineTokensWhileTyping', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('opens the call details from the CodeLens and selects the call in the sidebar', async () => {
      const r = await resultOf(pc, uri);
      const lens = (await codeLenses(uri))[0];
      const call = r.calls.find((c) => doc.positionAt(c.span.start).line === lens.range.start.line)!;
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
      assert.deepStrictEqual(pc.sidebar.state().selected, { uri: uri.toString(), callId: call.id });
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), uri.toString());
      assert.strictEqual(editor.selection.active.line, doc.positionAt(call.nameSpan.start).line);
    });

    it("shows the active file's monthly cost in the status bar", async () => {
      const r = await resultOf(pc, uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(pc.statusBar().visible, true);
      assert.ok(pc.statusBar().text.includes(`${formatUsd(r.monthlyCost)}/mo`), pc.statusBar().text);
      assert.match(pc.statusBar().tooltip, /Analysed in [\d.]+ ms/);
      const other = (await open(spec.other)).document;
      const ro = await resultOf(pc, other.uri);
      assert.ok(pc.statusBar().text.includes(`${formatUsd(ro.monthlyCost)}/mo`), pc.statusBar().text);
      await vscode.window.showTextDocument(doc);
    });

    it('re-analyses when a setting changes', async () => {
      const cfg = vscode.workspace.getConfiguration('promptCost');
      try {
        const r = await analysisUntil(pc, uri, () => cfg.update('callsPerMonth', 43210, vscode.ConfigurationTarget.Workspace),
          (x) => x.costs.some((c) => c.callsPerMonth === 43210));
        const defaults = r.costs.filter((c) => c.callsPerMonthSource.kind === 'default');
        assert.ok(defaults.length > 0 && defaults.every((c) => c.callsPerMonth === 43210));
      } finally {
        await analysisUntil(pc, uri, () => cfg.update('callsPerMonth', undefined, vscode.ConfigurationTarget.Workspace),
          (x) => !x.costs.some((c) => c.callsPerMonth === 43210));
      }
    });

    it('re-analyses when .promptcost.json is created, changed and deleted; the file wins over settings', async () => {
      const configUri = workspaceUri('.promptcost.json');
      const cfg = vscode.workspace.getConfiguration('promptCost');
      await analysisUntil(pc, uri, () => cfg.update('callsPerMonth', 111, vscode.ConfigurationTarget.Workspace),
        (x) => x.costs.some((c) => c.callsPerMonth === 111));
      try {
        await analysisUntil(pc, uri, () => writeFile(configUri, '{ "callsPerMonth": 12345 }\n'),
          (x) => x.costs.some((c) => c.callsPerMonth === 12345));
        await analysisUntil(pc, uri, () => writeFile(configUri, '{ "callsPerMonth": 54321 }\n'),
          (x) => x.costs.some((c) => c.callsPerMonth === 54321));
        await analysisUntil(pc, uri, () => deleteFile(configUri), (x) => x.costs.some((c) => c.callsPerMonth === 111));
      } finally {
        await deleteFile(configUri);
        await analysisUntil(pc, uri, () => cfg.update('callsPerMonth', undefined, vscode.ConfigurationTarget.Workspace),
          (x) => !x.costs.some((c) => c.callsPerMonth === 111));
      }
    });

    it('keeps the other findings through a syntax error mid-edit', async () => {
      const before = await resultOf(pc, uri);
      const at = original.indexOf(spec.breakBefore);
      assert.ok(at > 0);
      const broken = original.slice(0, at) + spec.syntaxBreak + original.slice(at);
      const r = await setText(pc, doc, broken);
      assert.strictEqual(r.hasSyntaxErrors, true);
      // Calls and findings before the break are all still there (the break only shifts offsets).
      const cut = at;
      const kept = (x: FileResult) => x.findings.filter((f) => f.span.end <= cut).map((f) => `${f.ruleId}@${f.span.start}`);
      assert.deepStrictEqual(kept(r), kept(before));
      assert.ok(ourDiagnostics(uri).length >= kept(before).length);
    });

    it('skips a minified file with a notice instead of analysing it', async () => {
      const big = Array.from({ length: 40 }, (_, i) => spec.minifiedLine(i)).join('');
      const min = workspaceUri(spec.minifiedFile);
      await writeFile(min, big);
      try {
        const d = await vscode.workspace.openTextDocument(min);
        const r = await resultOf(pc, d.uri);
        assert.ok(r.skipped && /minified/.test(r.skipped), r.skipped);
        assert.strictEqual(ourDiagnostics(d.uri).length, 0);
      } finally {
        await deleteFile(min);
      }
    });

    it('analyses the workspace off the main thread and lists calls by monthly cost in the sidebar', async () => {
      const summary = await pc.analyzeWorkspace();
      assert.strictEqual(summary.mode, 'worker');
      assert.ok(summary.analysed >= 2 && summary.calls >= 5, JSON.stringify(summary));
      await vscode.commands.executeCommand('promptCost.openSidebar');
      await pc.sidebar.ready;
      const state = pc.sidebar.state();
      assert.ok(state.files >= 2);
      const costs = state.calls.map((c) => c.monthlyCost ?? -1);
      assert.deepStrictEqual(costs, [...costs].sort((x, y) => y - x), 'sorted by monthly cost');
      assert.ok(state.calls.some((c) => c.file.endsWith(spec.other.split('/').pop()!)));
      assert.ok(pc.sidebar.lastPosted(), 'state posted to the webview');
    });

    it('keeps a scanned file\'s problems listed when its editor closes (as the file on disk has them)', async () => {
      // A file no test opened through the API: VS Code keeps such documents alive for minutes after their editor
      // closes; one opened as a user opens it (vscode.open) is closed with its editor.
      const other = workspaceUri(spec.other);
      const uri = workspaceUri(spec.other.replace(/(\.\w+)$/, '_copy$1'));
      await writeFile(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(other)));
      try {
        await pc.analyzeWorkspace();
        const fromScan = ourDiagnostics(uri).map(codeValue).sort();
        assert.ok(fromScan.length > 0, 'the scan reported problems in the file');
        await vscode.commands.executeCommand('vscode.open', uri);
        await diagnosticsFor(pc, uri);
        const closed = new Promise<void>((resolve, reject) => {
          const sub = vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.toString() === uri.toString()) { sub.dispose(); resolve(); } });
          setTimeout(() => { sub.dispose(); reject(new Error('the document was not closed')); }, 20_000);
        });
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await closed;
        // The worker analyses the file from disk; poll the collection until it shows the result (bounded).
        for (let i = 0; i < 200 && ourDiagnostics(uri).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
        assert.deepStrictEqual(ourDiagnostics(uri).map(codeValue).sort(), fromScan);
      } finally {
        await deleteFile(uri);
      }
    });
  });
}
