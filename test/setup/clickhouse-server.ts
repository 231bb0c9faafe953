/**
 * Starts real ClickHouse servers (Debian's `clickhouse-server`) for tests and benchmarks: each on
 * loopback with free ports, its own config and data directory under a temp dir, stopped and
 * removed afterwards. `startClickHouseCluster(2)` starts two servers that both know a cluster
 * `maidian` of two shards (one server each), for Distributed tables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_BINARY = '/usr/sbin/clickhouse-server';

/** One running server. */
export interface ClickHouseServer {
  httpUrl: string;
  httpPort: number;
  tcpPort: number;
  dir: string;
}

/** Running servers; `cluster` names the cluster they share when there are several. */
export interface ClickHouseCluster {
  servers: ClickHouseServer[];
  /** The cluster name in every server's `remote_servers` (null for a single server). */
  cluster: string | null;
  /** Kills server `i` at once (as a crash would), keeping its data. */
  kill(i: number): Promise<void>;
  /** Starts server `i` again on the same ports and data, and waits until it answers. */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

/** Whether the server binary is installed (`.ci/run` installs it; see ensure-system-deps.sh). */
export function clickHouseInstalled(): boolean {
  return existsSync(SERVER_BINARY);
}

/** Starts one server. */
export function startClickHouse(): Promise<ClickHouseCluster> {
  return startClickHouseCluster(1);
}

/**
 * Starts `shards` servers; with more than one they form the cluster `maidian`. A port found free
 * can be taken by another test process before the server binds it: a server that exits before it
 * answers is started again, with new ports, up to three times.
 */
export async function startClickHouseCluster(shards: number): Promise<ClickHouseCluster> {
  if (!clickHouseInstalled()) throw new Error(`${SERVER_BINARY} is missing: run "bash test/setup/ensure-system-deps.sh" as root`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(shards);
    } catch (err) {
      if (!(err instanceof ServerExited) || attempt === 3) throw err;
    }
  }
}

/** A server process that ended before it answered. */
class ServerExited extends Error {}

async function startOnce(shards: number): Promise<ClickHouseCluster> {
  const root = mkdtempSync(join(tmpdir(), 'maidian-ch-'));
  const ports = await Promise.all(Array.from({ length: shards }, async () => ({ http: await freePort(), tcp: await freePort(), inter: await freePort() })));
  const cluster = shards > 1 ? 'maidian' : null;
  const remote = cluster
    ? `<remote_servers><${cluster}>${ports.map((p) => `<shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`).join('')}</${cluster}></remote_servers>`
    : '';
  const children: ChildProcess[] = [];
  const servers: ClickHouseServer[] = [];
  try {
    for (const [i, p] of ports.entries()) {
      const dir = join(root, `shard-${i + 1}`);
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'config.xml'), serverConfig(dir, p, remote));
      children.push(spawnServer(dir));
      servers.push({ httpUrl: `http://127.0.0.1:${p.http}`, httpPort: p.http, tcpPort: p.tcp, dir });
    }
    await Promise.all(servers.map((s, i) => waitUntilReady(s, children[i])));
  } catch (err) {
    await stopAll(children);
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    servers,
    cluster,
    async kill(i) {
      const child = children[i];
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    async restart(i) {
      children[i] = spawnServer(servers[i].dir);
      await waitUntilReady(servers[i], children[i]);
    },
    async stop() {
      await stopAll(children);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function spawnServer(dir: string): ChildProcess {
  return spawn(SERVER_BINARY, [`--config-file=${join(dir, 'config.xml')}`], { stdio: 'ignore' });
}

/** A config with loopback listeners, modest caches for a 2-core test machine, UTC. */
function serverConfig(dir: string, p: { http: number; tcp: number; inter: number }, remote: string): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><size>10M</size><count>1</count></logger>
  <http_port>${p.http}</http_port>
  <tcp_port>${p.tcp}</tcp_port>
  <interserver_http_port>${p.inter}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/data/tmp/</tmp_path>
  <user_files_path>${dir}/data/user_files/</user_files_path>
  <format_schema_path>${dir}/data/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <timezone>UTC</timezone>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <quotas><default></default></quotas>
  ${remote}
</yandex>
`;
}

async function waitUntilReady(server: ClickHouseServer, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = join(server.dir, 'error.log');
      const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-3).join('\n') : '(no error log)';
      throw new ServerExited(`ClickHouse for ${server.httpUrl} exited before it answered: ${tail}`);
    }
    try {
      const res = await fetch(`${server.httpUrl}/ping`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`ClickHouse at ${server.httpUrl} did not answer /ping within 30 s (log: ${server.dir}/error.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
    c.once('exit', () => { clearTimeout(timer); resolve(); });
    c.kill('SIGTERM');
  })));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
