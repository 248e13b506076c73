import type { StoredMessage } from './store';

/** Mailpit's `MessageSummary` (storage/structs.go), field for field. */
export function messageSummary(m: StoredMessage) {
  return {
    ID: m.ID,
    MessageID: m.MessageID,
    Read: m.Read,
    From: m.From,
    To: m.To,
    Cc: m.Cc,
    Bcc: m.Bcc,
    ReplyTo: m.ReplyTo,
    Subject: m.Subject,
    Created: m.Created.toISOString(),
    Username: m.Username,
    Tags: [] as string[],
    Size: m.Size,
    Attachments: 0,
    Snippet: m.Snippet,
  };
}

/** Mailpit's `Message` (GET /api/v1/message/{id}); attachments are not kept, so their lists are empty. */
export function messageDetail(m: StoredMessage) {
  return {
    ID: m.ID,
    MessageID: m.MessageID,
    From: m.From,
    To: m.To,
    Cc: m.Cc,
    Bcc: m.Bcc,
    ReplyTo: m.ReplyTo,
    ReturnPath: m.ReturnPath,
    Subject: m.Subject,
    ListUnsubscribe: { Header: '', Links: [] as string[], Errors: '', HeaderPost: '' },
    Date: m.Date.toISOString(),
    Tags: [] as string[],
    Username: m.Username,
    Text: m.Text,
    HTML: m.HTML,
    Size: m.Size,
    Inline: [] as unknown[],
    Attachments: [] as unknown[],
  };
}

/**
 * Mailpit's `MessagesSummary`: `total`/`unread` count the whole mailbox, `messages_count` the
 * messages matching (all of them when listing), `count` the ones in this page.
 */
export function messagesPage(
  page: readonly StoredMessage[],
  matching: readonly StoredMessage[],
  mailbox: { total: number; unread: number },
  start: number,
) {
  return {
    total: mailbox.total,
    unread: mailbox.unread,
    count: page.length,
    messages_count: matching.length,
    messages_unread: matching.filter((m) => !m.Read).length,
    start,
    tags: [] as string[],
    messages: page.map(messageSummary),
  };
}
