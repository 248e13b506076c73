import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmailAuthConfig } from './auth-config';
import { renderMail, renderTemplate } from './templates';

describe('renderTemplate (the field references of Go html/template)', () => {
  it('fills fields and nested data, HTML-escaped, honouring trim markers and comments', () => {
    const out = renderTemplate('<a href="{{ .ConfirmationURL }}">{{- .Data.name -}} </a>{{/* why */}}{{.Token}}', {
      ConfirmationURL: 'http://x/verify?token=a&type=b',
      Data: { name: 'Ada <3' },
      Token: '123456',
    });
    expect(out).toBe('<a href="http://x/verify?token=a&amp;type=b">Ada &lt;3</a>123456');
  });

  it('prints a missing key as Go does and refuses actions it does not implement', () => {
    expect(renderTemplate('{{ .Data.missing }}', { Data: {} })).toBe('&lt;no value&gt;');
    expect(() => renderTemplate('{{ if .Token }}x{{ end }}', {})).toThrow(/unsupported/);
  });
});

describe('renderMail', () => {
  const base = { templates: {} } as unknown as EmailAuthConfig;

  it("uses GoTrue v2.189's default subject and body", async () => {
    const mail = await renderMail(base, 'recovery', { ConfirmationURL: 'http://x', Token: '042042' });
    expect(mail.subject).toBe('Reset Your Password');
    expect(mail.html).toContain('<a href="http://x">Reset password</a>');
    expect(mail.html).toContain('enter the code: 042042');
  });

  it('takes [auth.email.template.<kind>] subject and content file, falling back when the file is missing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tpl-'));
    const file = path.join(dir, 'magic.html');
    await writeFile(file, '<p>Hi {{ .Data.name }}: {{ .Token }}</p>');
    const custom = {
      templates: { magic_link: { subject: 'Code {{ .Token }}', contentPath: file } },
    } as unknown as EmailAuthConfig;
    expect(await renderMail(custom, 'magic_link', { Token: '111222', Data: { name: 'Ada' } })).toEqual({
      subject: 'Code 111222',
      html: '<p>Hi Ada: 111222</p>',
    });
    const missing = {
      templates: { invite: { contentPath: path.join(dir, 'nope.html') } },
    } as unknown as EmailAuthConfig;
    const logged: string[] = [];
    const mail = await renderMail(missing, 'invite', { ConfirmationURL: 'u', Token: '1' }, (m) => logged.push(m));
    expect(mail.subject).toBe('You have been invited');
    expect(mail.html).toContain('Accept the invite');
    expect(logged).toHaveLength(1);
  });
});
