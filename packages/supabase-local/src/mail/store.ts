import { randomInt } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';

/** An address as Go's `net/mail.Address` serialises it, which is what Mailpit's JSON carries. */
export interface MailAddress {
  Name: string;
  Address: string;
}

export interface StoredMessage {
  ID: string;
  MessageID: string;
  From: MailAddress | null;
  To: MailAddress[];
  Cc: MailAddress[];
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  ReturnPath: string;
  Subject: string;
  /** When the message arrived. */
  Created: Date;
  /** The Date header, else arrival. */
  Date: Date;
  Text: string;
  HTML: string;
  Size: number;
  Snippet: string;
  Read: boolean;
  Username: string;
  Headers: Record<string, string[]>;
  Raw: Buffer;
}

// Mailpit's short ids are 22 characters of base57; any unguessable string serves the API.
const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function newId(): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((group) =>
    group.value.flatMap((entry) =>
      entry.group
        ? entry.group.map((member) => ({ Name: member.name ?? '', Address: member.address ?? '' }))
        : [{ Name: entry.name ?? '', Address: entry.address ?? '' }],
    ),
  );
}

/** Mailpit's snippet: the text (or the HTML without tags), whitespace collapsed, at most 250 characters. */
function snippet(text: string, html: string): string {
  const source = text.trim() !== '' ? text : html.replace(/<[^>]*>/g, ' ');
  const collapsed = source.replace(/\s+/g, ' ').trim();
  return collapsed.length > 250 ? `${collapsed.slice(0, 250)}...` : collapsed;
}

function headerMap(lines: readonly { key: string; line: string }[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { line } of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    // Go's textproto canonical form, as Mailpit's /headers answers.
    const name = line
      .slice(0, colon)
      .trim()
      .toLowerCase()
      .replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    if (!headers[name]) headers[name] = [];
    headers[name].push(value);
  }
  return headers;
}

/**
 * The catcher's mailbox: parsed messages in memory, newest first, at most `capacity` of them (Mailpit
 * keeps 500 by default and drops the oldest beyond that).
 */
export class MailStore {
  private messages: StoredMessage[] = [];

  constructor(readonly capacity = 500) {}

  async add(raw: Buffer, envelope: { username?: string; rcptTo?: string[] } = {}): Promise<StoredMessage> {
    const parsed = await simpleParser(raw, { skipImageLinks: true });
    const to = addresses(parsed.to);
    // Recipients only the envelope names are the message's Bcc, as Mailpit records them.
    const listed = new Set([...to, ...addresses(parsed.cc)].map((a) => a.Address.toLowerCase()));
    const bcc = [
      ...addresses(parsed.bcc),
      ...(envelope.rcptTo ?? []).filter((a) => !listed.has(a.toLowerCase())).map((a) => ({ Name: '', Address: a })),
    ];
    const from = addresses(parsed.from)[0] ?? null;
    const created = new Date();
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    const text = parsed.text ?? '';
    const headers = headerMap(parsed.headerLines);
    const message: StoredMessage = {
      ID: newId(),
      MessageID: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
      From: from,
      To: to,
      Cc: addresses(parsed.cc),
      Bcc: bcc,
      ReplyTo: addresses(parsed.replyTo),
      ReturnPath: (headers['Return-Path']?.[0] ?? '').replace(/^<|>$/g, '') || (from?.Address ?? ''),
      Subject: parsed.subject ?? '',
      Created: created,
      Date: parsed.date ?? created,
      Text: text,
      HTML: html,
      Size: raw.length,
      Snippet: snippet(text, html),
      Read: false,
      Username: envelope.username ?? '',
      Headers: headers,
      Raw: raw,
    };
    this.messages.unshift(message);
    if (this.messages.length > this.capacity) this.messages.length = this.capacity;
    return message;
  }

  /** Newest first. */
  all(): readonly StoredMessage[] {
    return this.messages;
  }

  get(id: string): StoredMessage | undefined {
    if (id === 'latest') return this.messages[0];
    return this.messages.find((m) => m.ID === id);
  }

  unread(): number {
    return this.messages.filter((m) => !m.Read).length;
  }

  /** Deletes the given ids, or everything when none are given. */
  delete(ids?: readonly string[]): void {
    if (!ids || ids.length === 0) {
      this.messages = [];
      return;
    }
    const drop = new Set(ids);
    this.messages = this.messages.filter((m) => !drop.has(m.ID));
  }
}
