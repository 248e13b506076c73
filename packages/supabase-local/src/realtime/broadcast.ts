import type { Channel } from './channel';
import { Hub } from './hub';
import { encodeText, encodeUserBroadcast, type UserBroadcast } from './serializer';

export interface Outgoing {
  /** `realtime:<name>` */
  topic: string;
  message: UserBroadcast;
  isPrivate: boolean;
  /**
   * Upstream relays client binary pushes and database messages to v2 sockets as kind-4 binary frames,
   * and everything else (HTTP API, v1 senders) as JSON text.
   */
  binaryForV2: boolean;
  /** The sending channel, skipped unless it asked for `broadcast.self`. */
  sender?: Channel;
}

/** Encodes once per protocol version and writes the same bytes to every subscriber. */
export function fanOut(hub: Hub, out: Outgoing): number {
  let v1: Buffer | null | undefined;
  let v2Text: Buffer | undefined;
  let v2Binary: Buffer | null | undefined;
  const { message } = out;
  const jsonPayload = () => ({
    type: 'broadcast',
    event: message.event,
    payload: message.json,
    ...(message.meta ? { meta: message.meta } : {}),
  });
  let delivered = 0;
  for (const channel of hub.members(Hub.key(out.topic, out.isPrivate))) {
    if (channel === out.sender && !channel.config.self) continue;
    if (!channel.canReceiveBroadcast()) continue;
    if (channel.conn.vsn === '2.0.0') {
      if (out.binaryForV2 || message.encoding === 'binary') {
        if (v2Binary === undefined) v2Binary = encodeUserBroadcast(out.topic, message);
        if (v2Binary) {
          channel.conn.sendRaw(v2Binary, true);
          delivered++;
          continue;
        }
      }
      if (message.encoding === 'binary') continue;
      v2Text ??= Buffer.from(encodeText('2.0.0', frameFor(out.topic, jsonPayload())));
      channel.conn.sendRaw(v2Text, false);
    } else {
      // Raw-byte payloads have no JSON form for v1 sockets.
      if (message.encoding === 'binary') continue;
      v1 ??= Buffer.from(encodeText('1.0.0', frameFor(out.topic, jsonPayload())));
      channel.conn.sendRaw(v1, false);
    }
    delivered++;
  }
  return delivered;
}

const frameFor = (topic: string, payload: unknown) => ({
  joinRef: null,
  ref: null,
  topic,
  event: 'broadcast',
  payload,
});
