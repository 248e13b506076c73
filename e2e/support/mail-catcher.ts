// The stack's mail catcher (Mailpit's API), on the port playwright.config.ts gave it (E2E_MAIL_PORT).
type Mail = { ID: string; Subject: string; HTML: string; Text: string };

function mailUrl(): string {
  const port = process.env.E2E_MAIL_PORT;
  if (!port) throw new Error('E2E_MAIL_PORT is not set (playwright.config.ts sets it)');
  return `http://127.0.0.1:${port}`;
}

async function search(to: string): Promise<{ ID: string }[]> {
  const res = await fetch(`${mailUrl()}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`);
  return ((await res.json()) as { messages: { ID: string }[] }).messages;
}

export async function mailCount(to: string): Promise<number> {
  return (await search(to)).length;
}

/** The newest mail to `to`, waiting for it to arrive (a bounded poll of a local test server). */
export async function waitForMail(to: string, { timeoutMs = 10_000 } = {}): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [newest] = await search(to);
    if (newest) return (await (await fetch(`${mailUrl()}/api/v1/message/${newest.ID}`)).json()) as Mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The mail's action link, as a person would click it. */
export function linkIn(mail: Mail): string {
  const match = /href="([^"]+\/verify\?[^"]+)"/.exec(mail.HTML);
  if (!match) throw new Error(`no link in "${mail.Subject}"`);
  return match[1].replaceAll('&amp;', '&');
}
