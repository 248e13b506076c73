import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the parts of Stripe's API the SDK calls here (no network in tests): it speaks
// Stripe's wire format — form-encoded bodies with bracketed keys, JSON objects back, Idempotency-Key
// replays — for POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id and POST /v1/subscriptions/:id.
export type StandInRequest = { method: string; path: string; body: Record<string, unknown>; idempotencyKey?: string };

/** `a[b][0][c]=1` → { a: { b: [{ c: '1' }] } }, as Stripe parses its form bodies. */
export function parseStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
      const container = node as Record<string, unknown>;
      if (last) container[segment] = value;
      else {
        container[segment] ??= nextIsIndex ? [] : {};
        node = container[segment] as Record<string, unknown>;
      }
    });
  }
  return root;
}

export async function startStripeStandIn() {
  const requests: StandInRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  const subscriptions = new Map<string, Record<string, unknown>>();
  const replies = new Map<string, { status: number; body: unknown }>();

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const body = parseStripeForm(raw);
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      requests.push({ method: req.method ?? '', path, body, idempotencyKey });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomUUID()}` });
        res.end(JSON.stringify(payload));
      };
      const replayKey = idempotencyKey ? `${req.method} ${path} ${idempotencyKey}` : null;
      const replay = replayKey ? replies.get(replayKey) : undefined;
      if (replay) return send(replay.status, replay.body);
      const reply = (status: number, payload: unknown) => {
        if (replayKey) replies.set(replayKey, { status, body: payload });
        send(status, payload);
      };
      if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_test_')) {
        return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      }
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const id = `cs_test_${randomUUID().replaceAll('-', '')}`;
        const item = (body.line_items as { price_data: { unit_amount: string; currency: string } }[] | undefined)?.[0];
        const session = {
          id,
          object: 'checkout.session',
          mode: body.mode,
          url: `https://checkout.stripe.test/c/pay/${id}`,
          status: 'open',
          payment_status: 'unpaid',
          amount_total: Number(item?.price_data.unit_amount ?? 0),
          currency: item?.price_data.currency ?? null,
          client_reference_id: body.client_reference_id ?? null,
          metadata: body.metadata ?? {},
          payment_intent: null,
          subscription: null,
          success_url: body.success_url,
          cancel_url: body.cancel_url,
        };
        sessions.set(id, session);
        return reply(200, session);
      }
      const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && sessionMatch) {
        const session = sessions.get(sessionMatch[1]);
        return session
          ? reply(200, session)
          : reply(404, { error: { type: 'invalid_request_error', message: 'No such checkout.session' } });
      }
      const subMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
      if (req.method === 'POST' && subMatch) {
        const sub = {
          id: subMatch[1],
          object: 'subscription',
          status: 'active',
          ...(subscriptions.get(subMatch[1]) ?? {}),
          cancel_at_period_end: body.cancel_at_period_end === 'true',
        };
        subscriptions.set(subMatch[1], sub);
        return reply(200, sub);
      }
      return reply(404, {
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
