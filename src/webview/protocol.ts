// Messages between the extension and the sidebar webview, typed on both sides. Plain data only.

export interface CallRow {
  uri: string;
  /** Workspace-relative path. */
  file: string;
  /** 1-based. */
  line: number;
  offset: number;
  callId: string;
  provider: string;
  api: string;
  model: string | null;
  inputTokens: number;
  exact: boolean;
  costPerCall: number | null;
  callsPerMonth: number;
  monthlyCost: number | null;
  worstCaseMonthlyCost: number | null;
  findings: number;
}

export interface FindingRow {
  uri: string;
  file: string;
  line: number;
  offset: number;
  ruleId: string;
  severity: string;
  message: string;
  monthlySaving: number | null;
}

export interface SidebarState {
  scan: { state: 'never' | 'running' | 'done'; files: number; done: number; ms: number | null; error?: string };
  files: number;
  monthlyCost: number;
  unpricedCalls: number;
  /** Sorted by monthly cost, highest first (unpriced last). */
  calls: CallRow[];
  /** Sorted by monthly saving, highest first. */
  findings: FindingRow[];
  /** The call to highlight (from a CodeLens click). */
  selected?: { uri: string; callId: string };
}

export type HostMessage = { type: 'state'; state: SidebarState };

export type ViewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; offset: number }
  | { type: 'scan' }
  | { type: 'openDocs'; ruleId: string };
