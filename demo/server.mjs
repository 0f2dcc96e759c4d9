#!/usr/bin/env node
// `npm run demo`: starts the local 2-step-verification site for trying Keyfob by hand.
// Usage: node demo/server.mjs [--port N] [--state file.json] [--period seconds]
//   --port / PORT   port on 127.0.0.1; 0 picks a free one (default 8787)
//   --state FILE    keep accounts in FILE across restarts (default: memory only)
//   --period S      TOTP time step in seconds, written into the QR code (default 30)

import { parseArgs } from 'node:util';
import { createDemoServer } from './app.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    state: { type: 'string' },
    period: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: node demo/server.mjs [--port N] [--state file.json] [--period seconds]');
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? 8787);
const period = Number(values.period ?? 30);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`bad port: ${values.port ?? process.env.PORT}`);
if (!Number.isInteger(period) || period < 1) throw new Error(`bad period: ${values.period}`);

const demo = createDemoServer({ period, stateFile: values.state ?? null });
const url = await demo.listen(port);
console.log(`Keyfob demo site: ${url}/`);
if (values.state) console.log(`Accounts are kept in ${values.state}`);

// Close cleanly on Ctrl-C or kill, so a --state file is never left half written.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await demo.close();
    process.exit(0);
  });
}
