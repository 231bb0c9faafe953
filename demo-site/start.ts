/**
 * `npm start`: runs the collector and the demo shop side by side, prints where to look, and shuts
 * both down cleanly on Ctrl-C (SIGINT) or SIGTERM.
 *
 * Environment: PORT (collector, default 8787), DEMO_PORT (demo site, default 8080), HOST (default
 * 127.0.0.1), MAIDIAN_DB (default ./data/maidian.db), COLLECTOR_PUBLIC_URL (the collector URL the
 * pages use, when browsers reach it under another name than HOST:PORT).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { startCollector } from '../collector/src/server.js';
import { createDemoSiteApp } from './server.js';
import { demoCredentials, loadDemoConfig } from './demo-config.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8080);
const dbPath = resolve(process.env.MAIDIAN_DB ?? 'data/maidian.db');

/** A browser-usable address for a bound host ("0.0.0.0" is not one). */
function browserHost(h: string): string {
  if (h === '0.0.0.0' || h === '::') return '127.0.0.1';
  return h.includes(':') ? `[${h}]` : h;
}

/** Today's date in the demo's time zone, for the example summary request. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function listen(app: ReturnType<typeof createDemoSiteApp>): Promise<Server> {
  return new Promise((ok, fail) => {
    const server = app.listen(demoPort, host, (err?: Error) => (err ? fail(err) : ok(server)));
  });
}

async function main(): Promise<void> {
  const demoOrigin = `http://${browserHost(host)}:${demoPort}`;
  const config = loadDemoConfig([demoOrigin, `http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`]);
  const creds = demoCredentials(config);
  mkdirSync(dirname(dbPath), { recursive: true });

  const collector = await startCollector({ dbPath, port, host, config, demo: true });
  const collectorUrl = process.env.COLLECTOR_PUBLIC_URL ?? `http://${browserHost(host)}:${collector.port}`;
  const demo = await listen(createDemoSiteApp({ collectorUrl, site: creds.site, writeKey: creds.writeKey }));

  const day = today(config.sites[0].timezone ?? 'UTC');
  console.log(
    [
      '',
      'Maidian is running.',
      `  Demo shop (山茶 Camellia Tea):  ${demoOrigin}/`,
      `    from a Baidu ad:              ${demoOrigin}/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring_sale`,
      `  Collector:                      ${collectorUrl}   (database ${dbPath})`,
      `  Dashboard (看板):               ${collectorUrl}/dashboard`,
      `    sign in with the read token:  ${creds.readToken}`,
      `  Today's summary:`,
      `    curl -H 'Authorization: Bearer ${creds.readToken}' \\`,
      `      '${collectorUrl}/v1/stats/summary?site=${creds.site}&from=${day}&to=${day}'`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the demo site and the collector…`);
    await new Promise<void>((ok) => {
      demo.close(() => ok());
      demo.closeIdleConnections();
    });
    // The collector finishes in-flight batches and commits before closing its database.
    await collector.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
