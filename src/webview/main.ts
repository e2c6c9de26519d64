// Runs inside the sidebar webview (browser context, bundled to dist/webview.js). Renders the state the extension
// posts; all text goes through textContent, never innerHTML.

import type { CallRow, FindingRow, HostMessage, SidebarState, ViewMessage } from './protocol';

declare function acquireVsCodeApi(): { postMessage(m: ViewMessage): void; setState(s: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

function usd(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 100) return `$${Math.round(n).toLocaleString('en-US')}`;
  if (abs >= 0.01 || abs === 0) return `$${n.toFixed(2)}`;
  return `$${n.toPrecision(2)}`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; title?: string } = {},
  ...children: (Node | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  if (props.title) e.title = props.title;
  for (const c of children) if (c) e.appendChild(c);
  return e;
}

function link(text: string, onClick: () => void, title?: string): HTMLAnchorElement {
  const a = el('a', { text, title });
  a.href = '#';
  a.addEventListener('click', (ev) => { ev.preventDefault(); onClick(); });
  return a;
}

/** `name.py:12` as the link, the folder beside it in muted text: long paths stay readable in a narrow sidebar. */
function place(file: string, line: number, onClick: () => void, title: string): HTMLElement {
  const slash = file.lastIndexOf('/');
  return el('span', { className: 'place' },
    link(`${file.slice(slash + 1)}:${line}`, onClick, `${title}: ${file}:${line}`),
    slash > 0 ? el('span', { className: 'muted dir', text: ` ${file.slice(0, slash)}` }) : null);
}

function callRow(c: CallRow, selected: boolean): HTMLElement {
  const row = el('li', { className: `row${selected ? ' selected' : ''}` },
    el('div', { className: 'main' },
      place(c.file, c.line, () => vscode.postMessage({ type: 'reveal', uri: c.uri, offset: c.offset }), 'Go to the call'),
      el('span', { className: 'money', text: c.monthlyCost === null ? 'unpriced' : `${usd(c.monthlyCost)}/mo` })),
    el('div', { className: 'detail',
      text: `${c.model ?? 'model unknown'} · ${c.api} · ${c.exact ? '' : '≈ '}${c.inputTokens.toLocaleString('en-US')} in · ` +
        `${usd(c.costPerCall)}/call × ${c.callsPerMonth.toLocaleString('en-US')}` +
        (c.findings ? ` · ${c.findings} finding${c.findings > 1 ? 's' : ''}` : '') }));
  row.dataset.callId = c.callId;
  if (selected) queueMicrotask(() => row.scrollIntoView({ block: 'nearest' }));
  return row;
}

function findingRow(f: FindingRow): HTMLElement {
  return el('li', { className: `row severity-${f.severity}` },
    el('div', { className: 'main' },
      place(f.file, f.line, () => vscode.postMessage({ type: 'reveal', uri: f.uri, offset: f.offset }), 'Go to the finding'),
      el('span', { className: 'money', text: f.monthlySaving ? `save ${usd(f.monthlySaving)}/mo` : '' })),
    el('div', { className: 'detail' },
      link(f.ruleId, () => vscode.postMessage({ type: 'openDocs', ruleId: f.ruleId }), 'Open the rule documentation'),
      document.createTextNode(` ${f.message}`)));
}

function render(s: SidebarState): void {
  const scanText = s.scan.state === 'running' ? `Analysing ${s.scan.done}/${s.scan.files} files…`
    : s.scan.state === 'done' ? `${s.scan.files} files analysed in ${((s.scan.ms ?? 0) / 1000).toFixed(1)} s`
      : 'Open files only';
  const scanButton = el('button', { text: s.scan.state === 'running' ? 'Analysing…' : 'Analyze workspace' });
  scanButton.disabled = s.scan.state === 'running';
  scanButton.addEventListener('click', () => vscode.postMessage({ type: 'scan' }));
  const totals = el('section', { className: 'totals' },
    el('div', { className: 'big', text: `${usd(s.monthlyCost)}/mo` }),
    el('div', { className: 'muted', text: `${s.calls.length} LLM call${s.calls.length === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}` +
      (s.unpricedCalls ? ` · ${s.unpricedCalls} unpriced` : '') }),
    el('div', { className: 'muted', text: scanText }),
    scanButton);
  const selected = (c: CallRow) => !!s.selected && s.selected.uri === c.uri && s.selected.callId === c.callId;
  const calls = el('section', {}, el('h2', { text: 'Calls by monthly cost' }),
    s.calls.length ? el('ul', {}, ...s.calls.map((c) => callRow(c, selected(c)))) : el('p', { className: 'muted', text: 'No LLM calls found yet.' }));
  const totalSaving = s.findings.reduce((sum, f) => sum + (f.monthlySaving ?? 0), 0);
  const findings = el('section', {}, el('h2', { text: `Findings${totalSaving ? ` · save up to ${usd(totalSaving)}/mo` : ''}` }),
    s.findings.length ? el('ul', {}, ...s.findings.map(findingRow)) : el('p', { className: 'muted', text: 'No findings.' }));
  app.replaceChildren(totals, calls, findings);
}

window.addEventListener('message', (ev: MessageEvent<HostMessage>) => {
  if (ev.data?.type === 'state') {
    vscode.setState(ev.data.state);
    render(ev.data.state);
  }
});

const saved = vscode.getState() as SidebarState | undefined;
if (saved) render(saved);
vscode.postMessage({ type: 'ready' });
