import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for an OpenAI-compatible chat-completions server, for the HTTP provider's tests:
// it listens on 127.0.0.1 on a free port and answers each request with whatever the test says (a
// page, garbage, an error status, or nothing at all). It never reaches the network.

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string };
    seed?: number;
  };
  /** The user message, parsed: the page payload the provider sent. */
  payload: Record<string, unknown> & { choicesWanted: number; ageBand: string; page: number };
}

export type FakeAnswer =
  | { status: number; body: string }
  /** Accept the request and never answer (the provider's timeout must end it). */
  | 'hang';

export interface FakeModelServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** The body of a successful chat-completions answer whose message is `content`. */
export function completion(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
}

export async function startFakeModel(
  answer: (request: ReceivedRequest, index: number) => FakeAnswer,
): Promise<FakeModelServer> {
  const requests: ReceivedRequest[] = [];
  const open = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as ReceivedRequest['body'];
      const payload = JSON.parse(body.messages.find((m) => m.role === 'user')?.content ?? '{}');
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        payload,
      };
      requests.push(received);
      const reply = answer(received, requests.length - 1);
      if (reply === 'hang') {
        open.add(res);
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
