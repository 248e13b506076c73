import { describe, expect, it } from 'vitest';
import { signInSchema } from './sign-in.schema';
import { signUpSchema } from './sign-up.schema';

describe('signUpSchema', () => {
  it('trims the name and normalises the e-mail', () => {
    const parsed = signUpSchema.parse({ displayName: '  Ada  ', email: ' Ada@Example.COM ', password: 'long-enough' });
    expect(parsed).toEqual({ displayName: 'Ada', email: 'ada@example.com', password: 'long-enough' });
  });

  it('answers each bad field with a sentence', () => {
    const result = signUpSchema.safeParse({ displayName: ' ', email: 'nope', password: 'short' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(messages).toEqual([
      ['displayName', 'Please tell us what to call you.'],
      ['email', 'Please enter a valid e-mail address.'],
      ['password', 'Please use at least 8 characters for your password.'],
    ]);
  });

  it('rejects passwords bcrypt would truncate', () => {
    expect(signUpSchema.safeParse({ displayName: 'A', email: 'a@b.co', password: 'x'.repeat(73) }).success).toBe(false);
  });
});

describe('signInSchema', () => {
  it('needs a password but no particular length (old accounts may have short ones)', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'abc' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });
});
