import { randomInt } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { stackInfo } from '../../src/testing/clients';

/** Mailpit's message JSON (GET /api/v1/message/{id}), the fields the tests read. */
export interface CaughtMail {
  ID: string;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[];
  Subject: string;
  HTML: string;
  Text: string;
}

/** Polls the catcher's search API until a mail to `to` (newer than `after` ids) arrives. */
export async function waitForMail(
  to: string,
  options: { mailUrl?: string; count?: number; timeoutMs?: number } = {},
): Promise<CaughtMail[]> {
  const mailUrl = options.mailUrl ?? stackInfo().mailUrl;
  const count = options.count ?? 1;
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const res = await fetch(`${mailUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`);
    const body = (await res.json()) as { messages: { ID: string }[] };
    if (body.messages.length >= count) {
      return Promise.all(
        body.messages.map(async (m) => (await (await fetch(`${mailUrl}/api/v1/message/${m.ID}`)).json()) as CaughtMail),
      );
    }
    if (Date.now() > deadline) throw new Error(`no ${count} mail(s) to ${to} within the timeout`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many mails to `to` the catcher holds. */
export async function mailCount(to: string, mailUrl = stackInfo().mailUrl): Promise<number> {
  const res = await fetch(`${mailUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`);
  return ((await res.json()) as { messages_count: number }).messages_count;
}

/** The mail's action link (its `{{ .ConfirmationURL }}`), as a browser would follow it. */
export function linkIn(mail: CaughtMail): URL {
  const match = /href="([^"]+\/verify\?[^"]+)"/.exec(mail.HTML);
  if (!match) throw new Error(`no verify link in ${mail.Subject}`);
  return new URL(match[1].replace(/&amp;/g, '&'));
}

/** The mail's OTP ("Alternatively, enter the code: 123456"). */
export function otpIn(mail: CaughtMail): string {
  const match = /enter the code: (\d{6,10})/.exec(mail.Text);
  if (!match) throw new Error(`no code in ${mail.Subject}`);
  return match[1];
}

/** Follows a mail link without following its redirect: status and Location. */
export async function followLink(link: URL): Promise<{ status: number; location: URL }> {
  const res = await fetch(link, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`no redirect from ${link}: ${res.status} ${await res.text()}`);
  await res.body?.cancel();
  return { status: res.status, location: new URL(location) };
}

/** The fragment of a redirect as key/value pairs (the implicit flow's session or error). */
export function fragment(url: URL): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(url.hash.slice(1)));
}

/** A client acting from its own address, so a test's requests have a rate-limit budget of their own. */
export function clientFrom(
  address = `198.19.${randomInt(0, 256)}.${randomInt(1, 255)}`,
  options: { url?: string; flowType?: 'implicit' | 'pkce' } = {},
): SupabaseClient {
  const storage = new Map<string, string>();
  return createClient(options.url ?? stackInfo().url, stackInfo().anonKey, {
    // supabase-js 2.119 throws on Node 20 without a WebSocket implementation.
    realtime: { transport: ws as never },
    auth: {
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      flowType: options.flowType ?? 'implicit',
      // PKCE keeps its code verifier in storage; an in-memory one per client.
      storage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
        removeItem: (key: string) => void storage.delete(key),
      },
    },
    global: { headers: { 'x-forwarded-for': address } },
  });
}
