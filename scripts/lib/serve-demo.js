// Serves code-server with the installed .vsix on a fixed port, opening a folder; prints how to use it.
// usage: node scripts/lib/serve-demo.js STATE_DIR FOLDER HOST PORT CHECK(0|1)
'use strict';
const path = require('path');
const { startCodeServer } = require('./code-server');

async function main() {
  const [stateDir, folder, host, port, check] = process.argv.slice(2);
  const server = await startCodeServer({
    stateDir, extensionsDir: path.join(stateDir, 'extensions'), userDataDir: path.join(stateDir, 'user-data'),
    port: Number(port), bindHost: host,
  });
  const shown = host === '0.0.0.0' ? `http://<this machine>:${port}` : server.url;
  const url = `${shown}/?folder=${encodeURIComponent(folder)}`;
  const vsix = path.resolve(__dirname, '..', '..', 'prompt-cost-lint.vsix');
  console.log(`
  Prompt Cost Lint is running in VS Code (code-server) with ${path.basename(folder)}/ open:

      ${url}

  Open a .py or .ts file there: costs show as CodeLens above each LLM call, problems underline calls without an
  output cap or with an unknown model, and hovering a call shows the full breakdown.

  In desktop VS Code instead:  code --install-extension ${vsix}
  (or Extensions view > … > Install from VSIX…).
`);
  if (check === '1') {
    server.stop();
    return;
  }
  console.log('  Press Ctrl+C to stop.');
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise((resolve) => server.child.on('exit', resolve));
}

main().catch((e) => { console.error(e); process.exit(1); });
