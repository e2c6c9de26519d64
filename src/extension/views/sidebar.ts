// The sidebar: a webview view listing the workspace's LLM calls by monthly cost and the findings by saving.
// Strict CSP with a nonce, local assets only (asWebviewUri), theme colours via CSS variables, typed messages.

import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { HostMessage, ViewMessage } from '../../webview/protocol';
import type { WorkspaceModel } from '../workspaceModel';

export const SIDEBAR_VIEW_ID = 'promptCost.sidebar';

export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private readonly disposables: vscode.Disposable[] = [];
  private readyResolve!: () => void;
  /** Resolves once the webview's script has started and asked for the state. */
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  /** The last state posted, for tests. */
  lastPosted?: HostMessage;
  private firstShown = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly model: WorkspaceModel,
    private readonly handlers: { scan(): void; openDocs(ruleId: string): void },
  ) {
    this.disposables.push(model.onDidChange(() => this.post()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview);
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: ViewMessage) => this.onMessage(m)),
      view.onDidChangeVisibility(() => { if (view.visible) this.post(); }),
      view.onDidDispose(() => { this.view = undefined; }),
    );
  }

  private onMessage(m: ViewMessage): void {
    switch (m.type) {
      case 'ready':
        this.post();
        this.readyResolve();
        // The sidebar lists the whole workspace: the first time it opens, scan it.
        if (!this.firstShown && this.model.scan.state === 'never') this.handlers.scan();
        this.firstShown = true;
        break;
      case 'scan':
        this.handlers.scan();
        break;
      case 'openDocs':
        this.handlers.openDocs(m.ruleId);
        break;
      case 'reveal':
        void reveal(vscode.Uri.parse(m.uri), m.offset);
        break;
    }
  }

  post(): void {
    const msg: HostMessage = { type: 'state', state: this.model.state() };
    this.lastPosted = msg;
    if (this.view?.visible) void this.view.webview.postMessage(msg);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'sidebar.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Prompt Cost</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export async function reveal(uri: vscode.Uri, offset: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const pos = doc.positionAt(offset);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preserveFocus: false });
}
