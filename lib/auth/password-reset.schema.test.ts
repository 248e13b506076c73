import { describe, expect, it } from 'vitest';
import { forgotPasswordSchema, newPasswordSchema } from './password-reset.schema';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('forgotPasswordSchema', () => {
  it('normalises the address and refuses empty or malformed ones', () => {
    expect(forgotPasswordSchema.parse({ email: ' Ada@Example.com ' })).toEqual({ email: 'ada@example.com' });
    expect(messages(forgotPasswordSchema.safeParse({ email: '' }))).toEqual([
      'email: Please enter your e-mail address.',
    ]);
    expect(messages(forgotPasswordSchema.safeParse({ email: 'ada@' }))).toEqual([
      'email: Please enter a valid e-mail address.',
    ]);
    expect(messages(forgotPasswordSchema.safeParse({}))).toHaveLength(1);
  });
});

describe('newPasswordSchema', () => {
  it('needs 8 to 72 characters, typed twice the same', () => {
    expect(newPasswordSchema.safeParse({ password: 'long-enough', confirm: 'long-enough' }).success).toBe(true);
    expect(messages(newPasswordSchema.safeParse({ password: 'short', confirm: 'short' }))).toEqual([
      'password: Please use at least 8 characters for your password.',
    ]);
    expect(messages(newPasswordSchema.safeParse({ password: 'x'.repeat(73), confirm: 'x'.repeat(73) }))).toEqual([
      'password: Please keep your password under 72 characters.',
    ]);
    expect(messages(newPasswordSchema.safeParse({ password: 'long-enough', confirm: 'long-enougH' }))).toEqual([
      'confirm: The two passwords are not the same.',
    ]);
  });
});
