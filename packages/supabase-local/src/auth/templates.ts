import { readFile } from 'node:fs/promises';
import type { EmailAuthConfig } from './auth-config';

/** GoTrue's template ids, which are also the CLI's `[auth.email.template.<id>]` names. */
export type MailKind = 'invite' | 'confirmation' | 'recovery' | 'magic_link' | 'email_change' | 'reauthentication';

// GoTrue v2.189.0 internal/mailer/templatemailer defaults (the version the CLI pins).
const DEFAULT_SUBJECTS: Record<MailKind, string> = {
  invite: 'You have been invited',
  confirmation: 'Confirm Your Email',
  recovery: 'Reset Your Password',
  magic_link: 'Your Magic Link',
  email_change: 'Confirm Email Change',
  reauthentication: 'Confirm reauthentication',
};

const DEFAULT_BODIES: Record<MailKind, string> = {
  invite: `<h2>You have been invited</h2>

<p>You have been invited to create a user on {{ .SiteURL }}. Follow this link to accept the invite:</p>
<p><a href="{{ .ConfirmationURL }}">Accept the invite</a></p>
<p>Alternatively, enter the code: {{ .Token }}</p>`,
  confirmation: `<h2>Confirm Your Email</h2>

<p>Follow this link to confirm your email:</p>
<p><a href="{{ .ConfirmationURL }}">Confirm your email address</a></p>
<p>Alternatively, enter the code: {{ .Token }}</p>
`,
  recovery: `<h2>Reset password</h2>

<p>Follow this link to reset the password for your user:</p>
<p><a href="{{ .ConfirmationURL }}">Reset password</a></p>
<p>Alternatively, enter the code: {{ .Token }}</p>`,
  magic_link: `<h2>Magic Link</h2>

<p>Follow this link to login:</p>
<p><a href="{{ .ConfirmationURL }}">Log In</a></p>
<p>Alternatively, enter the code: {{ .Token }}</p>`,
  email_change: `<h2>Confirm email address change</h2>

<p>Follow this link to confirm the update of your email address from {{ .Email }} to {{ .NewEmail }}:</p>
<p><a href="{{ .ConfirmationURL }}">Change email address</a></p>
<p>Alternatively, enter the code: {{ .Token }}</p>`,
  reauthentication: `<h2>Confirm reauthentication</h2>

<p>Enter the code: {{ .Token }}</p>`,
};

/** What a template can refer to: `{{ .ConfirmationURL }}`, `{{ .Token }}`, `{{ .Data.name }}`… */
export type TemplateData = Record<string, unknown>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c] ?? c);

function lookup(data: TemplateData, path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The part of Go's html/template that mail templates use: field references (`{{ .Token }}`,
 * `{{ .Data.key }}`), trim markers and comments, values HTML-escaped. Any other action (if, range,
 * pipelines) throws, and the caller falls back to GoTrue's default as it does for a template it
 * cannot load.
 */
export function renderTemplate(template: string, data: TemplateData): string {
  const pieces = template.split(/(\{\{-?\s*[\s\S]*?\s*-?\}\})/);
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (i % 2 === 0) {
      let text = piece;
      if (pieces[i - 1]?.endsWith('-}}')) text = text.replace(/^\s+/, '');
      if (pieces[i + 1]?.startsWith('{{-')) text = text.replace(/\s+$/, '');
      out += text;
      continue;
    }
    const action = piece.replace(/^\{\{-?\s*|\s*-?\}\}$/g, '');
    if (action.startsWith('/*') && action.endsWith('*/')) continue;
    const field = /^\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)$/.exec(action);
    if (!field) throw new Error(`unsupported template action {{ ${action} }}`);
    const value = lookup(data, field[1].split('.'));
    // Go prints a missing map key as "<no value>", which html/template escapes.
    out += value === undefined || value === null ? '&lt;no value&gt;' : escapeHtml(String(value));
  }
  return out;
}

/**
 * Subject and body for one mail: `[auth.email.template.<kind>]` when set (the body file is read at
 * each send, as GoTrue reloads templates), else GoTrue's defaults.
 */
export async function renderMail(
  config: EmailAuthConfig,
  kind: MailKind,
  data: TemplateData,
  log: (message: string) => void = console.warn,
): Promise<{ subject: string; html: string }> {
  const custom = config.templates[kind] ?? {};
  let subject: string;
  try {
    subject = renderTemplate(custom.subject ?? DEFAULT_SUBJECTS[kind], data);
  } catch (error) {
    log(`[auth] mail subject for ${kind}: ${(error as Error).message}; using the default`);
    subject = renderTemplate(DEFAULT_SUBJECTS[kind], data);
  }
  let html = renderTemplate(DEFAULT_BODIES[kind], data);
  if (custom.contentPath) {
    try {
      html = renderTemplate(await readFile(custom.contentPath, 'utf8'), data);
    } catch (error) {
      log(`[auth] mail template ${custom.contentPath}: ${(error as Error).message}; using the default`);
    }
  }
  return { subject, html };
}
