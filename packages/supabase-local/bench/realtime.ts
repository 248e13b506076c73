// `npm run bench:realtime`: broadcast fan-out latency through /realtime/v1 with 100, 500 and 1,000 clients
// joined to one channel (one broadcast per second from a separate sender, as realtime-js vsn 2.0.0 frames
// it), the server's memory per connection, and 2,000 idle connections held with heartbeats. Prints figures;
// asserts nothing. The stack runs in its own process, so its memory is measured alone and the clients do
// not share its event loop.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { ANON_KEY } from '../src/keys';
import { percentile, startBenchStack } from './bench-stack';

const SIZES = (process.env.BENCH_CLIENTS ?? '100,500,1000').split(',').map(Number);
const BROADCASTS = Number(process.env.BENCH_BROADCASTS ?? 10);
const IDLE_CONNECTIONS = Number(process.env.BENCH_IDLE ?? 2000);
const IDLE_HOLD_MS = Number(process.env.BENCH_IDLE_HOLD_MS ?? 30_000);
const HEARTBEAT_MS = 25_000;
const TOPIC = 'realtime:bench';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

// RSS swings with the garbage collector by more than a thousand connections weigh, so the stack process
// gets a preloaded hook: on SIGUSR2 it collects garbage and writes process.memoryUsage() to a file.
const MEMORY_HOOK =
  "data:text/javascript,import{writeFileSync}from'node:fs';process.on('SIGUSR2',()=>{globalThis.gc();" +
  'writeFileSync(process.env.BENCH_MEMORY_FILE,JSON.stringify(process.memoryUsage()))})';

async function liveBytes(pid: number, file: string): Promise<number> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await sleep(50);
    try {
      const usage = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number; external: number };
      return usage.heapUsed + usage.external;
    } catch {}
  }
  return Number.NaN;
}

/** A minimal vsn 2.0.0 Phoenix client: join one topic, heartbeat like realtime-js, time broadcasts. */
class BenchClient {
  private ref = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  joinRef = '';
  onBroadcast: ((payload: { t: number }) => void) | null = null;
  private pending = new Map<string, () => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        // Kind 4 user broadcast: 4, topic_len, event_len, meta_len, encoding, topic, event, meta, payload.
        const offset = 5 + data[1] + data[2] + data[3];
        this.onBroadcast?.(JSON.parse(data.toString('utf8', offset)));
        return;
      }
      const [, ref, , event] = JSON.parse(data.toString()) as [string | null, string | null, string, string];
      if (event === 'phx_reply' && ref) this.pending.get(ref)?.();
    });
    ws.on('error', () => {});
  }

  static async connect(url: string): Promise<BenchClient> {
    const ws = new WebSocket(`${url}?apikey=${ANON_KEY}&vsn=2.0.0`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new BenchClient(ws);
  }

  private request(topic: string, event: string, payload: unknown, joinRef: string | null): Promise<void> {
    const ref = String(++this.ref);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event} timed out`)), 30_000);
      this.pending.set(ref, () => {
        clearTimeout(timer);
        this.pending.delete(ref);
        resolve();
      });
      this.ws.send(JSON.stringify([joinRef ?? ref, ref, topic, event, payload]));
    });
  }

  async join(topic: string): Promise<void> {
    this.joinRef = String(this.ref + 1);
    await this.request(topic, 'phx_join', { config: { broadcast: { self: false, ack: false } } }, null);
    this.heartbeat = setInterval(() => void this.ping().catch(() => {}), HEARTBEAT_MS);
  }

  ping(): Promise<void> {
    const ref = String(++this.ref);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('heartbeat timed out')), 30_000);
      this.pending.set(ref, () => {
        clearTimeout(timer);
        this.pending.delete(ref);
        resolve();
      });
      this.ws.send(JSON.stringify([null, ref, 'phoenix', 'heartbeat', {}]));
    });
  }

  /** What realtime-js sends for channel.send({type:'broadcast'}) on vsn 2.0.0: a kind-3 binary frame. */
  broadcast(topic: string, event: string, payload: unknown): void {
    const parts = [this.joinRef, String(++this.ref), topic, event].map((s) => Buffer.from(s));
    const body = Buffer.from(JSON.stringify(payload));
    this.ws.send(Buffer.concat([Buffer.from([3, ...parts.map((p) => p.length), 0, 1]), ...parts, body]));
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.ws.terminate();
  }
}

async function openClients(url: string, count: number, topic: string): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const client = await BenchClient.connect(url);
        await client.join(topic);
        return client;
      }),
    );
    clients.push(...batch);
  }
  return clients;
}

async function main(): Promise<void> {
  const stack = await startBenchStack({
    name: 'bench-rt',
    nodeArgs: ['--expose-gc', `--import=${MEMORY_HOOK}`],
    env: (dataDir) => ({ BENCH_MEMORY_FILE: path.join(dataDir, 'memory.json') }),
  });
  const wsUrl = `ws://127.0.0.1:${stack.apiPort}/realtime/v1/websocket`;
  const memoryFile = path.join(stack.dataDir, 'memory.json');
  const pid = stack.pid;
  try {
    await sleep(1000);
    const sender = await BenchClient.connect(wsUrl);
    await sender.join(TOPIC);
    console.log(`realtime fan-out: ${BROADCASTS} broadcasts, one per second, vsn 2.0.0 binary frames`);
    const baseline = await liveBytes(pid, memoryFile);
    console.log(
      `server before any subscriber: RSS ${(rssBytes(pid) / 2 ** 20).toFixed(0)} MiB, live heap+external ${(baseline / 2 ** 20).toFixed(1)} MiB\n`,
    );
    let clients: BenchClient[] = [];
    for (const size of SIZES) {
      clients.push(...(await openClients(wsUrl, size - clients.length, TOPIC)));
      await sleep(2000);
      const perConnection = ((await liveBytes(pid, memoryFile)) - baseline) / size;
      const latencies: number[] = [];
      let expected = 0;
      for (const client of clients) client.onBroadcast = (p) => latencies.push(performance.now() - p.t);
      for (let i = 0; i < BROADCASTS; i++) {
        sender.broadcast(TOPIC, 'tick', { t: performance.now(), i, text: 'a chapter of a story being read' });
        expected += clients.length;
        await sleep(1000);
      }
      await sleep(1000);
      latencies.sort((a, b) => a - b);
      const lost = expected - latencies.length;
      console.log(
        `${String(size).padStart(5)} clients   p50 ${percentile(latencies, 50).toFixed(1)} ms   p95 ${percentile(latencies, 95).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   max ${latencies[latencies.length - 1].toFixed(1)} ms   delivered ${latencies.length}/${expected}${lost ? ` (${lost} lost)` : ''}   server RSS ${(rssBytes(pid) / 2 ** 20).toFixed(0)} MiB (${(perConnection / 1024).toFixed(1)} KiB live memory per connection)`,
      );
    }
    for (const c of clients) c.close();
    clients = [];
    await sleep(2000);

    const started = performance.now();
    const idle = await openClients(wsUrl, IDLE_CONNECTIONS, 'realtime:idle');
    const opened = (performance.now() - started) / 1000;
    console.log(
      `\n${IDLE_CONNECTIONS} idle connections joined in ${opened.toFixed(1)} s; holding ${IDLE_HOLD_MS / 1000} s`,
    );
    await sleep(IDLE_HOLD_MS);
    const alive = idle.filter((c) => c.open).length;
    const t0 = performance.now();
    const pings = await Promise.allSettled(idle.map((c) => c.ping()));
    const answered = pings.filter((p) => p.status === 'fulfilled').length;
    const rssAfter = rssBytes(pid);
    const liveAfter = await liveBytes(pid, memoryFile);
    console.log(
      `still open ${alive}/${IDLE_CONNECTIONS}; heartbeats answered ${answered}/${IDLE_CONNECTIONS} in ${(performance.now() - t0).toFixed(0)} ms; server RSS ${(rssAfter / 2 ** 20).toFixed(0)} MiB (${((liveAfter - baseline) / IDLE_CONNECTIONS / 1024).toFixed(1)} KiB live memory per idle connection)`,
    );
    for (const c of idle) c.close();
    sender.close();
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
