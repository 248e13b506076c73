import { randomBytes } from 'node:crypto';
import type { Channel } from './channel';
import type { Hub } from './hub';
import { encodeText } from './serializer';

type Meta = Record<string, unknown> & { phx_ref: string; phx_ref_prev?: string };

interface Entry {
  channel: Channel;
  key: string;
  payloadJson: string;
  meta: Meta;
}

export type PresenceMap = Record<string, { metas: Meta[] }>;

/** Phoenix.Presence refs are opaque unique strings (e.g. "F8t…"). */
const newRef = () => randomBytes(9).toString('base64url');

/**
 * Phoenix.Presence for one node: each channel tracks at most one presence under its key; changes go out as
 * `presence_diff` to every presence-enabled member of the topic, and a late joiner gets `presence_state`.
 */
export class PresenceRegistry {
  /** hub key → channel → entry */
  private readonly topics = new Map<string, Map<Channel, Entry>>();

  constructor(private readonly hub: Hub) {}

  state(hubKey: string): PresenceMap {
    const state: PresenceMap = {};
    for (const entry of this.topics.get(hubKey)?.values() ?? []) {
      state[entry.key] ??= { metas: [] };
      state[entry.key].metas.push(entry.meta);
    }
    return state;
  }

  track(channel: Channel, payload: Record<string, unknown>): void {
    let entries = this.topics.get(channel.hubKey);
    if (!entries) {
      entries = new Map();
      this.topics.set(channel.hubKey, entries);
    }
    const payloadJson = JSON.stringify(payload);
    const previous = entries.get(channel);
    // Upstream skips a track whose payload did not change.
    if (previous && previous.payloadJson === payloadJson) return;
    const ref = newRef();
    const meta: Meta = { ...payload, phx_ref: ref, ...(previous ? { phx_ref_prev: previous.meta.phx_ref } : {}) };
    const entry: Entry = { channel, key: channel.config.presenceKey, payloadJson, meta };
    entries.set(channel, entry);
    this.sendDiff(channel.hubKey, channel.topic, {
      joins: { [entry.key]: { metas: [meta] } },
      leaves: previous ? { [previous.key]: { metas: [previous.meta] } } : {},
    });
  }

  untrack(channel: Channel): void {
    const entries = this.topics.get(channel.hubKey);
    const previous = entries?.get(channel);
    if (!entries || !previous) return;
    entries.delete(channel);
    if (entries.size === 0) this.topics.delete(channel.hubKey);
    this.sendDiff(channel.hubKey, channel.topic, { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } });
  }

  private sendDiff(hubKey: string, topic: string, diff: { joins: PresenceMap; leaves: PresenceMap }): void {
    const encoded = new Map<string, Buffer>();
    for (const channel of this.hub.members(hubKey)) {
      if (!channel.receivesPresence()) continue;
      const vsn = channel.conn.vsn;
      let frame = encoded.get(vsn);
      if (!frame) {
        frame = Buffer.from(
          encodeText(vsn, { joinRef: null, ref: null, topic, event: 'presence_diff', payload: diff }),
        );
        encoded.set(vsn, frame);
      }
      channel.conn.sendRaw(frame, false);
    }
  }
}
