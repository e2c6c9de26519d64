// Shared shapes of the compression pipeline. A pass is a pure text → text function; the pipeline measures it,
// checks the invariants on its output and keeps it only when it saves tokens without breaking one.

export type CompressLevel = 'safe' | 'aggressive';

export type PassId = 'whitespace' | 'markdown' | 'json' | 'filler' | 'wordy' | 'duplicates';

/** Counts the tokens of a text (the engine's TokenCounter bound to one model). */
export type CountTokens = (text: string) => number;

export interface PassContext {
  level: CompressLevel;
  countTokens: CountTokens;
  /** Leading whitespace belongs to the host layout (a piece in the middle of a concatenation): keep it. */
  keepLeadingWhitespace: boolean;
  /** Trailing whitespace joins this text to what follows: keep it. */
  keepTrailingWhitespace: boolean;
  /** The text continues a sentence begun before it (a piece after `"Hi " + name + `): its start opens nothing. */
  continuesSentence: boolean;
}

export interface PassOutput {
  text: string;
  /**
   * Whole fragments the pass deleted because the text says them elsewhere (repeated sentences).
   * The invariants allow their protected content to disappear once, as long as it is still present in the output.
   */
  removed?: string[];
}

export interface CompressPass {
  id: PassId;
  /** One line, shown by the CLI and the docs. */
  description: string;
  /** Lowest level that runs the pass. */
  level: CompressLevel;
  run(text: string, ctx: PassContext): PassOutput;
}

export interface PassReport {
  id: PassId;
  /** Tokens saved by this pass over all rounds (0 when it changed nothing or was discarded). */
  saved: number;
  /** Number of rounds in which the pass's output was kept. */
  applied: number;
  /** Why an output of this pass was discarded (the invariants it broke), once per reason. */
  rejected: string[];
}

export interface CompressOptions {
  countTokens: CountTokens;
  /** `safe` (default) or `aggressive`. */
  level?: CompressLevel;
  /** Passes not to run, by id. */
  disabledPasses?: readonly string[];
  keepLeadingWhitespace?: boolean;
  keepTrailingWhitespace?: boolean;
  /** Default: `keepLeadingWhitespace`. */
  continuesSentence?: boolean;
}

export interface CompressResult {
  original: string;
  text: string;
  tokensBefore: number;
  tokensAfter: number;
  saved: number;
  level: CompressLevel;
  passes: PassReport[];
  /** Sentences removed as repetitions of kept ones (what the invariants allowed to go once). */
  removed: string[];
  /** Set when the text was left unchanged on purpose (too large, reserved characters…). */
  skipped?: string;
}
