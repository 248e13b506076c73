import type { ApiHandler, ApiRequest, ApiResponse } from '../http';
import { json } from '../http';
import { checkToken, type Identity } from './auth';
import { authorizeTopic } from './authorize';
import { fanOut } from './broadcast';
import { MAX_PAYLOAD_BYTES, type RealtimeContext } from './context';
import type { UserBroadcast } from './serializer';

type Obj = Record<string, unknown>;

/**
 * Realtime's HTTP API: POST /api/broadcast (batch_broadcast.ex, the client's fallback when a channel is not
 * joined) and POST /api/broadcast/:topic/events/:event (channel.httpSend). Both answer 202.
 */
export function createHttpHandler(rt: RealtimeContext): ApiHandler {
  return async (req: ApiRequest): Promise<ApiResponse> => {
    if (req.method === 'GET' && (req.path === '/api/ping' || req.path === '/api/health')) {
      return json(200, { message: 'Success' });
    }
    const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(req.path);
    if (req.method !== 'POST' || (req.path !== '/api/broadcast' && !single)) {
      return json(404, { message: 'Not found' });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const checked = token ? await checkToken(token) : null;
    if (!checked?.ok) return json(401, { message: checked ? checked.message : 'Unauthorized' });
    if (req.body.length > MAX_PAYLOAD_BYTES) return json(413, { message: 'Payload Too Large' });
    return single
      ? sendOne(rt, req, checked.identity, decodeURIComponent(single[1]), decodeURIComponent(single[2]))
      : sendBatch(rt, req, checked.identity);
  };
}

async function sendBatch(rt: RealtimeContext, req: ApiRequest, identity: Identity): Promise<ApiResponse> {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8') || 'null');
  } catch {
    return json(422, { errors: { body: ['is not valid JSON'] } });
  }
  const messages = (body as Obj | null)?.messages;
  if (!Array.isArray(messages)) return json(422, { errors: { messages: ["can't be blank"] } });
  const errors: Obj = {};
  messages.forEach((m, i) => {
    const msg = (m ?? {}) as Obj;
    const missing = ['topic', 'event', 'payload'].filter(
      (k) => msg[k] === undefined || msg[k] === null || msg[k] === '',
    );
    if (missing.length > 0) errors[`messages[${i}]`] = Object.fromEntries(missing.map((k) => [k, ["can't be blank"]]));
  });
  if (Object.keys(errors).length > 0) return json(422, { errors });

  // Private messages go out only when the caller may write broadcasts on that topic (checked once per topic).
  const writable = new Map<string, Promise<boolean>>();
  for (const m of messages as Obj[]) {
    const topic = String(m.topic);
    const isPrivate = m.private === true;
    if (isPrivate) {
      if (!writable.has(topic)) {
        writable.set(
          topic,
          authorizeTopic(rt.stack.apiPool, topic, identity, {}).then((p) => p.broadcast.write),
        );
      }
      if (!(await writable.get(topic))) continue;
    }
    const message: UserBroadcast = {
      event: String(m.event),
      json: m.payload,
      encoding: 'json',
      ...(m.id !== undefined ? { meta: { id: m.id } } : {}),
    };
    fanOut(rt.hub, { topic: `realtime:${topic}`, message, isPrivate, binaryForV2: false });
  }
  return { status: 202 };
}

async function sendOne(
  rt: RealtimeContext,
  req: ApiRequest,
  identity: Identity,
  topic: string,
  event: string,
): Promise<ApiResponse> {
  const query = new URLSearchParams(req.rawQuery);
  const isPrivate = query.get('private') === 'true';
  const contentType = String(req.headers['content-type'] ?? '');
  let message: UserBroadcast;
  if (contentType.startsWith('application/octet-stream')) {
    message = { event, bytes: req.body, encoding: 'binary' };
  } else {
    try {
      message = { event, json: JSON.parse(req.body.toString('utf8')), encoding: 'json' };
    } catch {
      return json(422, { error: 'Payload must be valid JSON' });
    }
  }
  if (isPrivate) {
    const policies = await authorizeTopic(rt.stack.apiPool, topic, identity, {});
    if (!policies.broadcast.write) {
      return json(403, { error: `You do not have permissions to write to this Channel topic: ${topic}` });
    }
  }
  fanOut(rt.hub, { topic: `realtime:${topic}`, message, isPrivate, binaryForV2: true });
  return { status: 202 };
}
