/**
 * Phoenix frame (de)serialisation for both protocol versions realtime-js speaks
 * (Phoenix.Socket.V1.JSONSerializer and Realtime's v2_serializer.ex).
 */

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/** A user broadcast as it travels through the server, kept in whichever encoding it arrived in. */
export interface UserBroadcast {
  event: string;
  /** JSON payload (parsed). Absent when the payload is raw bytes. */
  json?: unknown;
  /** Raw payload bytes: the UTF-8 JSON text (encoding 'json') or opaque bytes (encoding 'binary'). */
  bytes?: Buffer;
  encoding: 'json' | 'binary';
  meta?: Record<string, unknown>;
}

export interface DecodedFrame extends Frame {
  /** Set for binary user-broadcast pushes (kind 3): the broadcast in its original encoding. */
  broadcast?: UserBroadcast;
  /** Size of the frame on the wire, for the payload limit. */
  size: number;
}

export class FrameError extends Error {
  constructor(
    message: string,
    readonly ref: string | null = null,
    readonly topic: string | null = null,
  ) {
    super(message);
  }
}

const KIND_PUSH = 0;
const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;

const asRef = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function checkShape(topic: unknown, event: unknown, ref: string | null): { topic: string; event: string } {
  if (typeof topic !== 'string' || typeof event !== 'string') {
    throw new FrameError('malformed message: topic and event must be strings', ref);
  }
  return { topic, event };
}

export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): DecodedFrame {
  if (isBinary) {
    if (vsn !== '2.0.0') throw new FrameError('binary frames need vsn 2.0.0');
    return decodeBinary(data);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    throw new FrameError('malformed message: invalid JSON');
  }
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) {
      throw new FrameError('malformed message: expected [join_ref, ref, topic, event, payload]');
    }
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return {
      joinRef: asRef(joinRef),
      ref: asRef(ref),
      ...checkShape(topic, event, asRef(ref)),
      payload,
      size: data.length,
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FrameError('malformed message: expected an object');
  }
  const msg = parsed as Record<string, unknown>;
  const ref = asRef(msg.ref);
  return {
    joinRef: asRef(msg.join_ref),
    ref,
    ...checkShape(msg.topic, msg.event, ref),
    payload: msg.payload,
    size: data.length,
  };
}

function decodeBinary(data: Buffer): DecodedFrame {
  const kind = data[0];
  const utf8 = (start: number, length: number) => {
    if (start + length > data.length) throw new FrameError('malformed binary frame: truncated');
    return data.toString('utf8', start, start + length);
  };
  if (kind === KIND_USER_BROADCAST_PUSH) {
    if (data.length < 7) throw new FrameError('malformed binary frame: truncated header');
    const [joinRefLen, refLen, topicLen, eventLen, metaLen, encoding] = data.subarray(1, 7);
    let offset = 7;
    const joinRef = utf8(offset, joinRefLen);
    offset += joinRefLen;
    const ref = utf8(offset, refLen);
    offset += refLen;
    const topic = utf8(offset, topicLen);
    offset += topicLen;
    const event = utf8(offset, eventLen);
    offset += eventLen;
    const metaText = utf8(offset, metaLen);
    offset += metaLen;
    const bytes = data.subarray(offset);
    const broadcast: UserBroadcast = { event, bytes, encoding: encoding === 1 ? 'json' : 'binary' };
    try {
      if (metaText) broadcast.meta = JSON.parse(metaText) as Record<string, unknown>;
      if (broadcast.encoding === 'json') broadcast.json = bytes.length ? JSON.parse(bytes.toString('utf8')) : {};
    } catch {
      throw new FrameError('malformed binary frame: invalid JSON payload', ref || null, topic);
    }
    return {
      joinRef: joinRef || null,
      ref: ref || null,
      topic,
      event: 'broadcast',
      payload: {
        type: 'broadcast',
        event,
        payload: broadcast.json ?? bytes,
        ...(broadcast.meta ? { meta: broadcast.meta } : {}),
      },
      broadcast,
      size: data.length,
    };
  }
  if (kind === KIND_PUSH) {
    if (data.length < 5) throw new FrameError('malformed binary frame: truncated header');
    const [joinRefLen, refLen, topicLen, eventLen] = data.subarray(1, 5);
    let offset = 5;
    const joinRef = utf8(offset, joinRefLen);
    offset += joinRefLen;
    const ref = utf8(offset, refLen);
    offset += refLen;
    const topic = utf8(offset, topicLen);
    offset += topicLen;
    const event = utf8(offset, eventLen);
    offset += eventLen;
    return {
      joinRef: joinRef || null,
      ref: ref || null,
      topic,
      event,
      payload: data.subarray(offset),
      size: data.length,
    };
  }
  throw new FrameError(`malformed binary frame: unknown kind ${kind}`);
}

/** Text frame for a socket of the given version (V1 sends only topic, event, payload, ref). */
export function encodeText(vsn: Vsn, frame: Frame): string {
  if (vsn === '2.0.0') return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify({ topic: frame.topic, event: frame.event, payload: frame.payload, ref: frame.ref });
}

/** Kind-4 binary user broadcast, or null when a header field is too long for its one-byte length. */
export function encodeUserBroadcast(topic: string, message: UserBroadcast): Buffer | null {
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(message.event, 'utf8');
  const metaBytes = Buffer.from(message.meta ? JSON.stringify(message.meta) : '', 'utf8');
  if (topicBytes.length > 255 || eventBytes.length > 255 || metaBytes.length > 255) return null;
  const body = message.bytes ?? Buffer.from(JSON.stringify(message.json ?? {}), 'utf8');
  const header = Buffer.from([
    KIND_USER_BROADCAST,
    topicBytes.length,
    eventBytes.length,
    metaBytes.length,
    message.encoding === 'json' ? 1 : 0,
  ]);
  return Buffer.concat([header, topicBytes, eventBytes, metaBytes, body]);
}
