import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { checkToken, swapOpaqueKey } from './auth';
import { Channel } from './channel';
import { MAX_PAYLOAD_BYTES, type RealtimeContext } from './context';
import { type DecodedFrame, decodeFrame, encodeText, type Frame, FrameError, type Vsn } from './serializer';

/** Phoenix drops a socket that has sent nothing (not even a heartbeat) for this long. */
const IDLE_TIMEOUT_MS = 60_000;
/** Frames above the payload limit still get a polite error reply up to this size; beyond it ws closes (1009). */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** One WebSocket speaking the Phoenix protocol (UserSocket + Phoenix.Socket). */
export class Connection {
  readonly channels = new Map<string, Channel>();
  closed = false;
  private queue: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout;

  constructor(
    private readonly rt: RealtimeContext,
    private readonly ws: WebSocket,
    readonly vsn: Vsn,
    /** The socket's apikey (a JWT): authorisation falls back to it when a join carries no access_token. */
    readonly socketToken: string,
    readonly headers: Record<string, string>,
  ) {
    this.idleTimer = setTimeout(() => this.ws.close(1000, 'idle'), IDLE_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => this.onMessage(toBuffer(data), isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (error) => rt.log(`[realtime] socket error: ${error.message}`));
  }

  sendRaw(data: Buffer | string, binary: boolean): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(data, { binary });
  }

  send(frame: Frame): void {
    this.sendRaw(encodeText(this.vsn, frame), false);
  }

  reply(frame: Pick<Frame, 'joinRef' | 'ref' | 'topic'>, status: 'ok' | 'error', response: unknown): void {
    this.send({
      joinRef: frame.joinRef,
      ref: frame.ref,
      topic: frame.topic,
      event: 'phx_reply',
      payload: { status, response },
    });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.idleTimer.refresh();
    let frame: DecodedFrame;
    try {
      frame = decodeFrame(data, isBinary, this.vsn);
    } catch (error) {
      const e = error instanceof FrameError ? error : new FrameError(String(error));
      // No channel can claim a frame we could not read; answer on the socket topic so the client can log it.
      this.send({
        joinRef: null,
        ref: e.ref,
        topic: e.topic ?? 'phoenix',
        event: 'phx_reply',
        payload: { status: 'error', response: { reason: e.message } },
      });
      return;
    }
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat') {
      this.reply(frame, 'ok', {});
      return;
    }
    if (frame.size > MAX_PAYLOAD_BYTES) {
      this.reply(frame, 'error', {
        reason: `Payload size exceeded: ${frame.size} bytes is over the ${MAX_PAYLOAD_BYTES} byte limit`,
      });
      return;
    }
    // One frame at a time per socket: a join still being authorised must not be overtaken by what follows it.
    this.queue = this.queue
      .then(() => this.dispatch(frame))
      .catch((error: unknown) => {
        this.rt.log(`[realtime] ${frame.topic} ${frame.event} failed: ${error instanceof Error ? error.stack : error}`);
        this.reply(frame, 'error', { reason: 'UnknownErrorOnChannel: internal error' });
      });
  }

  private async dispatch(frame: DecodedFrame): Promise<void> {
    if (this.closed) return;
    if (frame.event === 'phx_join') {
      if (!frame.topic.startsWith('realtime:')) {
        this.reply(frame, 'error', { reason: 'unmatched topic' });
        return;
      }
      await Channel.join(this.rt, this, frame);
      return;
    }
    const channel = this.channels.get(frame.topic);
    if (!channel || (frame.joinRef !== null && frame.joinRef !== channel.joinRef)) {
      // Phoenix answers pushes to topics this socket has not joined with "unmatched topic".
      this.reply(frame, 'error', { reason: 'unmatched topic' });
      return;
    }
    await channel.handle(frame);
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const channel of [...this.channels.values()]) channel.close(false);
    this.rt.connections.delete(this);
  }

  terminate(): void {
    this.ws.terminate();
    this.onClose();
  }
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  const reason = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The `/realtime/v1/websocket` endpoint: checks the apikey like UserSocket.connect, then speaks Phoenix. */
export interface SocketEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string, query: URLSearchParams): void;
  close(): void;
}

export function createSocketEndpoint(rt: RealtimeContext): SocketEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string, query: URLSearchParams) {
      if (path.replace(/\/+$/, '') !== '/websocket') {
        refuse(socket, 404, 'Not Found');
        return;
      }
      const header = req.headers['x-api-key'];
      const apikey = swapOpaqueKey(query.get('apikey') ?? (Array.isArray(header) ? header[0] : header));
      if (!apikey) {
        refuse(socket, 401, 'API key is missing');
        return;
      }
      void checkToken(apikey).then((checked) => {
        if (!checked.ok) {
          refuse(
            socket,
            401,
            checked.message === 'Token claims must be a map'
              ? 'The token provided is not a valid JWT'
              : checked.message,
          );
          return;
        }
        const vsn: Vsn = query.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && name !== 'cookie') headers[name] = value;
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          rt.connections.add(new Connection(rt, ws, vsn, apikey, headers));
        });
      });
    },
    close() {
      for (const conn of [...rt.connections]) conn.terminate();
      wss.close();
    },
  };
}
