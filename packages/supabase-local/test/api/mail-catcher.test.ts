import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../src/mail/index';
import { stackInfo } from '../../src/testing/clients';

// A catcher of its own: deleting everything here cannot disturb the stack's mailbox other files read.
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ webPort: 0, smtpPort: 0, capacity: 3 });
});
afterAll(async () => catcher?.close());

async function send(to: string, subject: string, extra: Record<string, unknown> = {}) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
  try {
    await transport.sendMail({
      from: '"Admin" <admin@email.com>',
      to,
      subject,
      html: `<p>Hi <b>${to}</b></p>`,
      ...extra,
    });
  } finally {
    transport.close();
  }
}

const api = async (path: string, init?: RequestInit) => fetch(`${catcher.url}${path}`, init);
// biome-ignore lint/suspicious/noExplicitAny: tests read fields of the JSON answers.
const json = async (path: string): Promise<any> => (await api(path)).json();

describe('mail catcher: Mailpit API', () => {
  it('lists messages newest first with their summaries and keeps at most its capacity', async () => {
    await api('/api/v1/messages', { method: 'DELETE' });
    for (const n of [1, 2, 3, 4]) await send(`n${n}@example.test`, `Message ${n}`);
    const list = await json('/api/v1/messages');
    expect(list).toMatchObject({ total: 3, unread: 3, count: 3, messages_count: 3, start: 0, tags: [] });
    expect(list.messages.map((m: { Subject: string }) => m.Subject)).toEqual(['Message 4', 'Message 3', 'Message 2']);
    expect(list.messages[0]).toMatchObject({
      Read: false,
      From: { Name: 'Admin', Address: 'admin@email.com' },
      To: [{ Name: '', Address: 'n4@example.test' }],
      Snippet: 'Hi n4@example.test',
      Attachments: 0,
      Tags: [],
    });
    expect(list.messages[0].ID).toMatch(/^[A-Za-z0-9]{22}$/);
    const page = await json('/api/v1/messages?start=1&limit=1');
    expect(page).toMatchObject({ start: 1, count: 1, messages_count: 3 });
    expect(page.messages[0].Subject).toBe('Message 3');
  });

  it('shows one message (marking it read), its raw source and headers; 404 for unknown ids', async () => {
    await send('one@example.test', 'Just one');
    const [summary] = (await json('/api/v1/search?query=to:one@example.test')).messages;
    const message = await json(`/api/v1/message/${summary.ID}`);
    expect(message).toMatchObject({
      ID: summary.ID,
      Subject: 'Just one',
      ReturnPath: 'admin@email.com',
      Inline: [],
      Attachments: [],
    });
    expect(message.HTML.trimEnd()).toBe('<p>Hi <b>one@example.test</b></p>');
    expect(message.Text).toContain('Hi one@example.test');
    expect((await json('/api/v1/messages')).messages.find((m: { ID: string }) => m.ID === summary.ID).Read).toBe(true);
    const raw = await (await api(`/api/v1/message/${summary.ID}/raw`)).text();
    expect(raw).toMatch(/^(.|\r\n)*Subject: Just one/);
    expect((await json(`/api/v1/message/${summary.ID}/headers`)).Subject).toEqual(['Just one']);
    expect((await json('/api/v1/message/latest')).ID).toBe(summary.ID);
    const missing = await api('/api/v1/message/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 page not found');
  });

  it('searches by recipient, subject and words, with negation; refuses an empty query', async () => {
    await api('/api/v1/messages', { method: 'DELETE' });
    await send('ada@example.test', 'Reset Your Password');
    await send('grace@example.test', 'Your Magic Link', { cc: 'ada@example.test' });
    const subjects = async (query: string) =>
      (await json(`/api/v1/search?query=${encodeURIComponent(query)}`)).messages.map(
        (m: { Subject: string }) => m.Subject,
      );
    expect(await subjects('to:ada@example.test')).toEqual(['Reset Your Password']);
    expect(await subjects('addressed:ada@example.test')).toEqual(['Your Magic Link', 'Reset Your Password']);
    expect(await subjects('subject:"magic link"')).toEqual(['Your Magic Link']);
    expect(await subjects('password -to:grace')).toEqual(['Reset Your Password']);
    const search = await json('/api/v1/search?query=to:grace');
    expect(search).toMatchObject({ total: 2, messages_count: 1, count: 1 });
    const empty = await api('/api/v1/search?query=');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe('Error: no search query');
  });

  it('deletes by ids, by search, or everything', async () => {
    await api('/api/v1/messages', { method: 'DELETE' });
    await send('a@example.test', 'A');
    await send('b@example.test', 'B');
    await send('c@example.test', 'C');
    const [c] = (await json('/api/v1/search?query=to:c@example.test')).messages;
    const byId = await api('/api/v1/messages', { method: 'DELETE', body: JSON.stringify({ IDs: [c.ID] }) });
    expect(await byId.text()).toBe('ok');
    expect((await json('/api/v1/messages')).total).toBe(2);
    await api('/api/v1/search?query=to:a@example.test', { method: 'DELETE' });
    expect((await json('/api/v1/messages')).messages.map((m: { Subject: string }) => m.Subject)).toEqual(['B']);
    await api('/api/v1/messages', { method: 'DELETE' });
    expect((await json('/api/v1/messages')).total).toBe(0);
  });

  it('serves an inbox page (newest first) and a message page with its HTML body', async () => {
    await api('/api/v1/messages', { method: 'DELETE' });
    await send('old@example.test', 'Older <one>');
    await send('new@example.test', 'Newer');
    const inbox = await api('/');
    expect(inbox.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await inbox.text();
    expect(page.indexOf('Newer')).toBeLessThan(page.indexOf('Older &#60;one&#62;'));
    const [newest] = (await json('/api/v1/messages')).messages;
    const view = await (await api(`/view/${newest.ID}`)).text();
    expect(view).toContain(`<iframe sandbox title="HTML body" src="/view/${newest.ID}.html">`);
    expect((await (await api(`/view/${newest.ID}.html`)).text()).trimEnd()).toBe('<p>Hi <b>new@example.test</b></p>');
    expect((await api('/view/unknown')).status).toBe(404);
    expect(await (await api('/?q=to:old@example.test')).text()).not.toContain('Newer');
  });
});

describe('mail catcher: the stack runs one', () => {
  it('answers on stackInfo().mailUrl', async () => {
    const res = await fetch(`${stackInfo().mailUrl}/api/v1/messages?limit=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ start: 0, tags: [] });
    expect((await fetch(`${stackInfo().mailUrl}/readyz`)).status).toBe(200);
  });
});
