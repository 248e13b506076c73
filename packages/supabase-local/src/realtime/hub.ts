import type { Channel } from './channel';

/**
 * Joined channels by tenant topic. Public and private channels of the same name are separate topics,
 * as upstream's `Tenants.tenant_topic(tenant, sub_topic, public?)` makes them.
 */
export class Hub {
  private readonly topics = new Map<string, Set<Channel>>();
  /** Channels with postgres_changes bindings, for the CDC dispatcher. */
  readonly changeSubscribers = new Set<Channel>();

  static key(topic: string, isPrivate: boolean): string {
    return `${isPrivate ? 'private' : 'public'}|${topic}`;
  }

  add(channel: Channel): void {
    let set = this.topics.get(channel.hubKey);
    if (!set) {
      set = new Set();
      this.topics.set(channel.hubKey, set);
    }
    set.add(channel);
    if (channel.changeBindings.length > 0) this.changeSubscribers.add(channel);
  }

  remove(channel: Channel): void {
    const set = this.topics.get(channel.hubKey);
    if (set) {
      set.delete(channel);
      if (set.size === 0) this.topics.delete(channel.hubKey);
    }
    this.changeSubscribers.delete(channel);
  }

  members(key: string): Iterable<Channel> {
    return this.topics.get(key) ?? [];
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.topics.values()) n += set.size;
    return n;
  }
}
