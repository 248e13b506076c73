// `npm run bench:live`: 200 participants in one live session (supabase-js clients over WebSocket, each
// a signed-in user who joined through join_live_session) on a stack of the bench's own, in a process of
// its own so the clients do not share its event loop. Measures, per client:
//   1. the voting burst (results live, auto-advance off): all 200 cast_vote at once; then
//      a. last vote acknowledged (its RPC answered, so committed) → the client's first 'tally' event
//         counting all 200 (negative when the broadcast beat the RPC's answer; a hint: votes committed
//         at the same instant may each miss the other, so some bursts end without one: how many
//         clients saw it is printed);
//      b. lock_round called → the client's 'round' event with status 'locked';
//      c. reveal_round called → the client's 'round' event 'revealed', which carries the final tally
//         (the authoritative one: 20261202103000_live_realtime.sql);
//      over BENCH_LIVE_ROUNDS rounds (each cancelled after its reveal so the next opens on the same page);
//   2. chat fan-out: send_chat_message called → the client's 'chat' event, over BENCH_LIVE_MESSAGES;
//   3. the same-run baseline: a plain broadcast (channel.send on a public channel every client also
//      joined, so the same 200 sockets) → the client's message.
// Prints p50/p95/p99 per case, the ratio to the baseline and the load average; asserts nothing.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { percentile, signAccessToken, startStackProcess } from 'supabase-local';
import ws from 'ws';
import { LIFT_RATE_LIMITS_SQL } from '../supabase/tests/setup/rate-limits';

const PARTICIPANTS = Number(process.env.BENCH_LIVE_PARTICIPANTS ?? 200);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 8);
const MESSAGES = Number(process.env.BENCH_LIVE_MESSAGES ?? 20);
const BASELINE_SENDS = Number(process.env.BENCH_LIVE_BASELINE ?? 20);
const PUBLIC_STORY = '5eed0000-0000-4000-8000-000000000001'; // the seed's public 4-6 story
const EVENT_WAIT_MS = 10_000;

/** CPU seconds (user + system) used so far by a process and its descendants, from /proc (Linux). */
function cpuSeconds(root: number): number {
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: what its exited children used (Postgres' ended backends).
      const cpu = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
      procs.set(Number(entry), { ppid: Number(fields[1]), cpu });
    } catch {} // gone meanwhile
  }
  const inTree = (pid: number): boolean => pid === root || (pid > 1 && inTree(procs.get(pid)?.ppid ?? 0));
  let total = 0;
  for (const [pid, p] of procs) if (inTree(pid)) total += p.cpu;
  return total;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function figures(name: string, ms: number[], baselineP95?: number): string {
  if (ms.length === 0) return `${name.padEnd(44)} no samples`;
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const ratio = baselineP95 ? `   ×${(p95 / baselineP95).toFixed(1)} baseline p95` : '';
  return `${name.padEnd(44)} p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms   p95 ${p95.toFixed(0).padStart(4)} ms   p99 ${percentile(sorted, 99).toFixed(0).padStart(4)} ms   max ${sorted[sorted.length - 1].toFixed(0).padStart(4)} ms   (n = ${sorted.length})${ratio}`;
}

type Heard = { event: string; payload: Record<string, unknown>; at: number };
type Participant = { id: string; client: SupabaseClient; heard: Heard[]; baseline: number[] };

async function main(): Promise<void> {
  // The stack with the product's migrations and seed, in a process of its own.
  const stack = await startStackProcess({ name: 'bench-live', workdir: path.resolve(import.meta.dirname, '..') });
  const info = {
    url: stack.url,
    adminDbUrl: stack.adminDbUrl,
    anon: stack.keys.anon,
    serviceRole: stack.keys.serviceRole,
  };
  const db = new pg.Pool({ connectionString: info.adminDbUrl, max: 4 });
  const participants: Participant[] = [];
  try {
    await db.query(LIFT_RATE_LIMITS_SQL); // 200 joins and a chat burst from one session are the benchmark
    const admin = createClient(info.url, info.serviceRole, {
      auth: { persistSession: false },
      realtime: { transport: ws as never },
    });
    const clientFor = async (userId: string) => {
      const token = await signAccessToken(userId);
      return createClient(info.url, info.anon, {
        accessToken: async () => token,
        auth: { persistSession: false },
        realtime: { transport: ws as never },
      });
    };
    /** A grown-up made as sign-up makes one (the database gives them a family), through the admin API. */
    const grownUp = async (i: number) => {
      const { data, error } = await admin.auth.admin.createUser({
        email: `bench-live-${i}-${randomUUID().slice(0, 8)}@example.test`,
        email_confirm: true,
        user_metadata: { display_name: `Viewer ${i}` },
      });
      if (error || !data.user) throw error ?? new Error('no user');
      return { id: data.user.id, client: await clientFor(data.user.id) };
    };

    const host = await grownUp(0);
    const created = await host.client.rpc('create_live_session', {
      p_title: 'Bench night',
      p_auto_advance: false,
      p_results_visibility: 'live',
      p_vote_seconds: 600,
    });
    if (created.error) throw created.error;
    const session = created.data as { id: string; join_code: string };
    const topic = `live:${session.id}`;

    let started = performance.now();
    for (let i = 0; i < PARTICIPANTS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, PARTICIPANTS - i) }, async (_, j) => {
          const p = await grownUp(i + j + 1);
          const joined = await p.client.rpc('join_live_session', { p_code: session.join_code });
          if (joined.error) throw joined.error;
          return { ...p, heard: [], baseline: [] } as Participant;
        }),
      );
      participants.push(...batch);
    }
    console.log(`${PARTICIPANTS} users created and joined in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Every participant on the private topic (as the app listens) and on a public one for the baseline.
    started = performance.now();
    const baselineChannel = `bench-baseline-${session.id}`;
    for (let i = 0; i < participants.length; i += 25) {
      await Promise.all(
        participants.slice(i, i + 25).map(async (p) => {
          await p.client.realtime.setAuth();
          const live = p.client.channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, (m) =>
            p.heard.push({
              event: m.event,
              payload: (m.payload ?? {}) as Record<string, unknown>,
              at: performance.now(),
            }),
          );
          const plain = p.client
            .channel(baselineChannel)
            .on('broadcast', { event: 'ping' }, (m) =>
              p.baseline.push(performance.now() - (m.payload as { t: number }).t),
            );
          await Promise.all([subscribed(live), subscribed(plain)]);
        }),
      );
    }
    console.log(`${PARTICIPANTS} clients subscribed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const picked = await host.client.rpc('pick_lobby_story', { p_session_id: session.id, p_story_id: PUBLIC_STORY });
    if (picked.error) throw picked.error;
    const sender = host.client.channel(baselineChannel);
    await subscribed(sender);
    await sleep(1000);
    console.log(
      `\nbench:live — ${PARTICIPANTS} participants, ${ROUNDS} rounds, ${MESSAGES} chat messages, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}\n`,
    );

    /** Per participant, the time from `from` to its first event matching `match` heard after `since`. */
    const arrivals = async (since: number, from: number, match: (h: Heard) => boolean) => {
      const found = () => participants.map((p) => p.heard.find((h) => h.at >= since && match(h)));
      const deadline = performance.now() + EVENT_WAIT_MS;
      while (found().some((h) => !h) && performance.now() < deadline) await sleep(20);
      const seen = found().filter((h): h is Heard => h !== undefined);
      return { times: seen.map((h) => h.at - from), missing: participants.length - seen.length };
    };

    const live: number[] = [];
    const locked: number[] = [];
    const revealed: number[] = [];
    const bursts: number[] = [];
    const highest: number[] = [];
    const burstCpu = { stack: 0, clients: 0 };
    let liveMissing = 0;
    let otherMissing = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const opened = await host.client.rpc('open_round', { p_session_id: session.id, p_seconds: 600 });
      if (opened.error) throw opened.error;
      const round = opened.data as { id: string; choice_ids: string[] };
      await sleep(300);
      const burstStart = performance.now();
      const cpuBefore = { stack: cpuSeconds(stack.pid), clients: cpuSeconds(process.pid) };
      const acks = await Promise.all(
        participants.map(async (p, i) => {
          const { error } = await p.client.rpc('cast_vote', {
            p_round_id: round.id,
            p_choice_id: round.choice_ids[i % round.choice_ids.length],
          });
          if (error) throw error;
          return performance.now();
        }),
      );
      const lastAck = Math.max(...acks);
      burstCpu.stack += cpuSeconds(stack.pid) - cpuBefore.stack;
      burstCpu.clients += cpuSeconds(process.pid) - cpuBefore.clients;
      bursts.push(lastAck - burstStart);
      const all = await arrivals(burstStart, lastAck, (h) => h.event === 'tally' && h.payload.votes === PARTICIPANTS);
      live.push(...all.times);
      liveMissing += all.missing;
      highest.push(
        Math.max(
          0,
          ...participants[0].heard
            .filter((h) => h.event === 'tally' && h.payload.round_id === round.id)
            .map((h) => Number(h.payload.votes)),
        ),
      );

      let t0 = performance.now();
      const lock = await host.client.rpc('lock_round', { p_round_id: round.id });
      if (lock.error) throw lock.error;
      const l = await arrivals(t0, t0, (h) => h.event === 'round' && h.payload.status === 'locked');
      locked.push(...l.times);
      t0 = performance.now();
      const reveal = await host.client.rpc('reveal_round', { p_round_id: round.id });
      if (reveal.error) throw reveal.error;
      const v = await arrivals(t0, t0, (h) => h.event === 'round' && h.payload.status === 'revealed');
      revealed.push(...v.times);
      otherMissing += l.missing + v.missing;
      const cancelled = await host.client.rpc('cancel_round', { p_round_id: round.id });
      if (cancelled.error) throw cancelled.error;
      await sleep(500);
    }

    const chat: number[] = [];
    for (let m = 0; m < MESSAGES; m++) {
      const t0 = performance.now();
      const sent = await host.client.rpc('send_chat_message', { p_session_id: session.id, p_body: `Page ${m}!` });
      if (sent.error) throw sent.error;
      const c = await arrivals(t0, t0, (h) => h.event === 'chat');
      chat.push(...c.times);
      otherMissing += c.missing;
      await sleep(300);
    }

    for (let b = 0; b < BASELINE_SENDS; b++) {
      await sender.send({ type: 'broadcast', event: 'ping', payload: { t: performance.now() } });
      await sleep(300);
    }
    await sleep(1000);
    const baseline = participants.flatMap((p) => p.baseline);
    const baselineP95 = percentile(
      [...baseline].sort((a, b) => a - b),
      95,
    );

    const sorted = (ms: number[]) => [...ms].sort((a, b) => a - b);
    console.log(figures('vote burst: first vote sent → last answered', bursts));
    console.log(
      `  CPU per burst: stack process and its Postgres ${(burstCpu.stack / ROUNDS).toFixed(2)} s, this process (the ${PARTICIPANTS} clients) ${(burstCpu.clients / ROUNDS).toFixed(2)} s`,
    );
    console.log(
      `${figures('last vote answered → tally event with all', live)}   ${liveMissing} of ${ROUNDS * PARTICIPANTS} never saw a tally of ${PARTICIPANTS} (a hint)`,
    );
    console.log(`  highest count in a tally event per round (one client): ${highest.join(', ')} of ${PARTICIPANTS}`);
    console.log(figures('lock_round called → round locked event', locked, baselineP95));
    console.log(figures('reveal_round called → revealed (final tally)', revealed, baselineP95));
    console.log(figures('send_chat_message called → chat event', chat, baselineP95));
    console.log(figures('baseline: channel.send → broadcast', baseline));
    console.log(`lost: ${otherMissing} lock/reveal/chat events not received within ${EVENT_WAIT_MS / 1000} s`);
    console.log(
      `load average after: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    );
    console.log(
      `\ngoal: p95 < 200 ms — final tally (reveal) ${percentile(sorted(revealed), 95).toFixed(0)} ms, chat ${percentile(sorted(chat), 95).toFixed(0)} ms`,
    );
  } finally {
    await Promise.all(participants.map((p) => p.client.removeAllChannels()));
    await db.end();
    await stack.stop();
  }
}

function subscribed(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) =>
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status !== 'CLOSED') reject(error ?? new Error(`channel ${channel.topic}: ${status}`));
    }),
  );
}

await main();
