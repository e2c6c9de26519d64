// Writes package.json "contributes" (settings, commands, views) from one readable source. Run after editing:
//   node scripts/dev/contributes.js
// Touches only the "contributes" key (the editor owns it); every other key is left as it is.
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', '..', 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));

const severityEnum = ['error', 'warning', 'info', 'hint', 'off'];
const properties = {
  'promptCost.enable': {
    type: 'boolean', default: true, scope: 'resource',
    markdownDescription: 'Analyse LLM calls in open files and show their cost. Turn off per folder to silence the extension there.',
  },
  'promptCost.languages': {
    type: 'array', items: { type: 'string', enum: ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] },
    default: ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'], scope: 'resource', uniqueItems: true,
    markdownDescription: 'Language ids analysed (open files and **Analyze Workspace**).',
  },
  'promptCost.callsPerMonth': {
    type: 'number', default: 1000, minimum: 0, scope: 'resource',
    markdownDescription: 'Calls per month assumed for a call with no `prompt-cost: N/month` comment and no matching `paths` rule in `.promptcost.json`. `.promptcost.json` overrides this setting.',
  },
  'promptCost.expectedOutputTokens': {
    type: 'number', default: 500, minimum: 0, scope: 'resource',
    markdownDescription: 'Output tokens expected from a call **without** an output cap (with a cap, the cap is used). The worst case is always the model\'s maximum output.',
  },
  'promptCost.placeholderTokens': {
    type: 'number', default: 50, minimum: 0, scope: 'resource',
    markdownDescription: 'Tokens counted for each placeholder in a prompt (`{name}`, `${x}`, `{{topic}}`, `%s`), whose real value is unknown until run time.',
  },
  'promptCost.defaultOutputCap': {
    type: 'number', default: 1024, minimum: 1, scope: 'resource',
    markdownDescription: 'The value the **Add output cap** quick fix inserts (`max_completion_tokens`, `max_tokens`, `maxOutputTokens`, … as the API expects).',
  },
  'promptCost.prices': {
    type: 'object', default: {}, scope: 'resource',
    additionalProperties: {
      type: 'object', required: ['input', 'output'],
      properties: {
        input: { type: 'number', minimum: 0, description: 'USD per million input tokens.' },
        output: { type: 'number', minimum: 0, description: 'USD per million output tokens.' },
        cachedInput: { type: 'number', minimum: 0, description: 'USD per million cached input tokens.' },
        contextWindow: { type: 'number', minimum: 1 },
        maxOutputTokens: { type: 'number', minimum: 1 },
      },
    },
    markdownDescription: 'Price overrides per model, USD per million tokens, e.g. `{"my-model": {"input": 0.5, "output": 1.5}}`. Prices in `.promptcost.json` win over these.',
  },
  'promptCost.modelAliases': {
    type: 'object', default: {}, scope: 'resource', additionalProperties: { type: 'string' },
    markdownDescription: 'Deployment or alias names mapped to the model they serve, e.g. `{"my-gpt4o-deployment": "gpt-4o"}`.',
  },
  'promptCost.rules': {
    type: 'object', default: {}, scope: 'resource',
    additionalProperties: { type: 'string', enum: severityEnum },
    markdownDescription: 'Severity per rule id (`error`, `warning`, `info`, `hint` or `off`), e.g. `{"missing-output-cap": "error"}`. `.promptcost.json` `rules` win over these.',
  },
  'promptCost.budgets': {
    type: 'object', default: {}, scope: 'resource',
    properties: {
      monthly: { type: 'number', minimum: 0, description: 'USD per month for the whole workspace.' },
      perFile: { type: 'number', minimum: 0, description: 'USD per month for one file.' },
      perCall: { type: 'number', minimum: 0, description: 'USD per month for one call.' },
    },
    additionalProperties: false,
    markdownDescription: 'Monthly budgets in USD checked by the `over-budget` rule. `.promptcost.json` `budgets` win over these.',
  },
  'promptCost.ignore': {
    type: 'array', items: { type: 'string' }, default: [], scope: 'resource',
    markdownDescription: 'Globs (relative to the workspace folder or the `.promptcost.json` folder) of files never analysed.',
  },
  'promptCost.maxFileBytes': {
    type: 'number', default: 1048576, minimum: 1, scope: 'resource',
    markdownDescription: 'Files larger than this many characters are skipped, with a one-time notice and a line in the **Prompt Cost** output. Minified files (over 20 KB with lines averaging over 500 characters) and binary files are always skipped.',
  },
  'promptCost.analysisDelay': {
    type: 'number', default: 250, minimum: 0, maximum: 5000, scope: 'window',
    markdownDescription: 'Milliseconds between re-analyses of a document while you type (a throttle: analysis runs at most this often per document).',
  },
  'promptCost.scan.maxFiles': {
    type: 'number', default: 5000, minimum: 1, scope: 'window',
    markdownDescription: 'The most files **Prompt Cost: Analyze Workspace** reads.',
  },
  'promptCost.display.codeLens': {
    type: 'boolean', default: true, scope: 'window',
    markdownDescription: 'Show a CodeLens above each LLM call: tokens in and out, cost per call and per month.',
  },
  'promptCost.display.hover': {
    type: 'boolean', default: true, scope: 'window',
    markdownDescription: 'Show the cost breakdown when hovering a call or a prompt.',
  },
  'promptCost.display.statusBar': {
    type: 'boolean', default: true, scope: 'window',
    markdownDescription: 'Show the active file\'s projected monthly cost in the status bar.',
  },
  'promptCost.display.inlineTokens': {
    type: 'string', enum: ['inlayHint', 'endOfLine', 'off'], default: 'inlayHint', scope: 'window',
    enumDescriptions: ['An inlay hint right after each prompt literal.', 'A decoration at the end of the line.', 'No inline counts.'],
    markdownDescription: 'How token counts are shown on prompt strings.',
  },
  'promptCost.display.inlineTokensWhileTyping': {
    type: 'boolean', default: true, scope: 'window',
    markdownDescription: 'Keep inline token counts visible while typing in a document. Off: they hide until you pause for a second.',
  },
  'promptCost.compression.level': {
    type: 'string', enum: ['safe', 'aggressive'], default: 'safe', scope: 'resource',
    enumDescriptions: ['Only rewrites that keep the wording\'s meaning word for word (filler, wordy phrases, layout, exact repeats).', 'Also looser rows ("You should", "extremely"), all bold/italic, looser near-duplicates.'],
    markdownDescription: 'Level of **Compress prompt** and of the `compressible-prompt` rule. `.promptcost.json` `compression.level` wins over this.',
  },
  'promptCost.compression.minSavingShare': {
    type: 'number', default: 0.1, minimum: 0, maximum: 1, scope: 'resource',
    markdownDescription: 'The `compressible-prompt` rule flags a prompt when compression saves at least this share of its tokens (0-1). **Compress prompt** is offered on any prompt whatever its saving.',
  },
  'promptCost.compression.minSavedTokens': {
    type: 'number', default: 8, minimum: 0, scope: 'resource',
    markdownDescription: '…and at least this many tokens.',
  },
  'promptCost.compression.disabledPasses': {
    type: 'array', items: { type: 'string', enum: ['whitespace', 'markdown', 'json', 'filler', 'wordy', 'duplicates'] },
    default: [], uniqueItems: true, scope: 'resource',
    markdownDescription: 'Compression passes not to run, e.g. `["duplicates"]`. See docs/compression.md for what each pass does.',
  },
  'promptCost.outputLength.sentences': {
    type: 'number', default: 3, minimum: 1, maximum: 100, scope: 'resource',
    markdownDescription: 'N in the **Add "Answer in at most N sentences."** code action on a call without an output cap. The command **Add Output-Length Instruction to This Call** asks for N.',
  },
  'promptCost.modelRewrite.enabled': {
    type: 'boolean', default: false, scope: 'application',
    markdownDescription: 'Offer **Rewrite prompt with <model>…**: a model behind an OpenAI-compatible endpoint proposes a shorter prompt, checked like the local compression and shown in a preview. Sends the prompt text to `#promptCost.modelRewrite.baseURL#`. User settings only.',
  },
  'promptCost.modelRewrite.baseURL': {
    type: 'string', default: 'http://127.0.0.1:11434/v1', scope: 'application',
    markdownDescription: 'The OpenAI-compatible endpoint: Ollama `http://127.0.0.1:11434/v1`, llama.cpp `http://127.0.0.1:8080/v1`, or a provider such as `https://api.openai.com/v1`. The API key is kept in VS Code\'s secret storage (**Set API Key for Model-Assisted Rewrite**) or read from the `PROMPT_COST_OPENAI_API_KEY` environment variable, never from settings. User settings only.',
  },
  'promptCost.modelRewrite.model': {
    type: 'string', default: '', scope: 'application',
    markdownDescription: 'The model the endpoint serves, e.g. `llama3.2`, `qwen2.5:7b`, `gpt-4o-mini`. Required when the rewrite is enabled.',
  },
  'promptCost.modelRewrite.timeoutMs': {
    type: 'number', default: 30000, minimum: 1, scope: 'application',
    markdownDescription: 'Milliseconds to wait for the model\'s answer (one request per prompt literal, no retries).',
  },
};

const cmd = (command, title, extra = {}) => ({ command, title, category: 'Prompt Cost', ...extra });
const commands = [
  cmd('promptCost.analyzeWorkspace', 'Analyze Workspace', { icon: '$(refresh)' }),
  cmd('promptCost.openSidebar', 'Open Sidebar'),
  cmd('promptCost.openRuleDocs', 'Open Rule Documentation'),
  cmd('promptCost.fixAll', 'Fix All Safe Issues in This File'),
  cmd('promptCost.toggleInlineTokens', 'Toggle Inline Token Counts'),
  cmd('promptCost.showOutput', 'Show Output'),
  cmd('promptCost.showCallDetails', 'Show Call Details'),
  cmd('promptCost.setCallsPerMonth', 'Set Calls per Month for This Call'),
  cmd('promptCost.mapModel', 'Map a Model in .promptcost.json'),
  cmd('promptCost.compressPrompt', 'Compress Prompt'),
  cmd('promptCost.addOutputLengthInstruction', 'Add Output-Length Instruction to This Call'),
  cmd('promptCost.modelRewritePrompt', 'Rewrite Prompt with a Model'),
  cmd('promptCost.setModelRewriteApiKey', 'Set API Key for Model-Assisted Rewrite'),
  cmd('promptCost.clearModelRewriteApiKey', 'Clear API Key for Model-Assisted Rewrite'),
];

pkg.contributes = {
  ...pkg.contributes,
  configuration: { title: 'Prompt Cost', properties },
  commands,
  menus: {
    commandPalette: [
      { command: 'promptCost.showCallDetails', when: 'false' },
      { command: 'promptCost.setCallsPerMonth', when: 'false' },
      { command: 'promptCost.mapModel', when: 'false' },
      { command: 'promptCost.fixAll', when: 'editorLangId =~ /^(python|typescript|typescriptreact|javascript|javascriptreact)$/' },
      { command: 'promptCost.compressPrompt', when: 'editorIsOpen' },
      { command: 'promptCost.addOutputLengthInstruction', when: 'editorLangId =~ /^(python|typescript|typescriptreact|javascript|javascriptreact)$/' },
      { command: 'promptCost.modelRewritePrompt', when: 'config.promptCost.modelRewrite.enabled && editorLangId =~ /^(python|typescript|typescriptreact|javascript|javascriptreact)$/' },
    ],
    'view/title': [{ command: 'promptCost.analyzeWorkspace', when: 'view == promptCost.sidebar', group: 'navigation' }],
  },
  viewsContainers: { activitybar: [{ id: 'promptCost', title: 'Prompt Cost', icon: 'media/icon.svg' }] },
  views: { promptCost: [{ type: 'webview', id: 'promptCost.sidebar', name: 'Costs', icon: 'media/icon.svg' }] },
  jsonValidation: pkg.contributes?.jsonValidation ?? [{ fileMatch: '.promptcost.json', url: './schemas/promptcost.schema.json' }],
};

fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json contributes: ${Object.keys(properties).length} settings, ${commands.length} commands`);
