import { describe, expect, it } from 'vitest';
import { readLocalSmtpConfig } from '../mail/config';
import { readEmailAuthConfig, readRateLimitConfig } from './auth-config';

describe('[auth.email] and [auth.rate_limit]', () => {
  it("takes the CLI template's defaults when keys are absent", () => {
    const email = readEmailAuthConfig({}, '/project/supabase');
    expect(email).toMatchObject({
      enableSignup: true,
      doubleConfirmChanges: true,
      enableConfirmations: false,
      securePasswordChange: false,
      maxFrequencyMs: 1000,
      otpLength: 6,
      otpExpiry: 3600,
      smtp: null,
    });
    expect(readRateLimitConfig({})).toEqual({
      emailSent: 2,
      anonymousUsers: 30,
      tokenRefresh: 150,
      signInSignUps: 30,
      tokenVerifications: 30,
    });
  });

  it("reads secure_password_change (GoTrue's UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION)", () => {
    expect(readEmailAuthConfig({ email: { secure_password_change: true } }, '/p/supabase').securePasswordChange).toBe(
      true,
    );
  });

  it("clamps like GoTrue's loader and resolves template paths against the project root", () => {
    const email = readEmailAuthConfig(
      {
        email: {
          otp_length: 4,
          otp_expiry: 0,
          max_frequency: '0s',
          template: { recovery: { subject: 'R', content_path: './supabase/templates/recovery.html' } },
          smtp: { host: 'smtp.example.com', port: 587, user: 'u', pass: 'env(NOPE_NOT_SET)', admin_email: 'a@b.c' },
        },
      },
      '/project/supabase',
    );
    expect(email.otpLength).toBe(6);
    expect(email.otpExpiry).toBe(86_400);
    expect(email.maxFrequencyMs).toBe(60_000);
    expect(email.templates.recovery).toEqual({
      subject: 'R',
      contentPath: '/project/supabase/templates/recovery.html',
    });
    expect(email.smtp).toMatchObject({ host: 'smtp.example.com', port: 587, pass: '' });
  });
});

describe('[local_smtp] and the deprecated [inbucket]', () => {
  it('prefers the new name and defaults to the CLI ports', () => {
    expect(readLocalSmtpConfig({ local_smtp: { port: 6000 }, inbucket: { port: 7000 } })).toMatchObject({
      enabled: true,
      port: 6000,
      smtpPort: 54325,
      adminEmail: 'admin@email.com',
      senderName: 'Admin',
    });
    expect(readLocalSmtpConfig({ inbucket: { enabled: false, port: 7000, smtp_port: 7001 } })).toMatchObject({
      enabled: false,
      port: 7000,
      smtpPort: 7001,
    });
    expect(readLocalSmtpConfig({})).toMatchObject({ enabled: true, port: 54324 });
  });
});
