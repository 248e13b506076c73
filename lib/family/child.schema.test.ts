import { describe, expect, it } from 'vitest';
import {
  addChildSchema,
  childPinSchema,
  childProfileSchema,
  deactivateChildSchema,
  decideRequestSchema,
  inviteCodeSchema,
  pauseSchema,
  withdrawConsentSchema,
} from './child.schema';

const childId = '7f1c2a52-6a0e-4d4b-9d4e-2b8f6c1d0a11';
const thisYear = new Date().getFullYear();

function firstError(
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  const issue = result.success ? null : result.error?.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : null;
}

describe('addChildSchema', () => {
  const base = { displayName: 'Mia', birthYear: String(thisYear - 6), avatar: 'fox', pin: '1234' };

  it('turns the form into typed values', () => {
    expect(addChildSchema.parse({ ...base, displayName: '  Mia ' })).toEqual({
      displayName: 'Mia',
      birthYear: thisYear - 6,
      avatar: 'fox',
      pin: '1234',
    });
  });

  it.each([
    [{ birthYear: '' }, 'birthYear: Please enter a birth year.'],
    [{ birthYear: '   ' }, 'birthYear: Please enter a birth year.'],
    [{ birthYear: 'twenty' }, 'birthYear: Please enter a year like 2018.'],
    [
      { birthYear: String(thisYear - 14) },
      `birthYear: Tale Forge is for children aged 4 to 12: please enter a year from ${thisYear - 13}.`,
    ],
    [
      { birthYear: String(thisYear) },
      `birthYear: Tale Forge is for children aged 4 to 12: please enter a year up to ${thisYear - 3}.`,
    ],
    [{ displayName: '   ' }, "displayName: Please enter your child's name."],
    [{ displayName: 'x'.repeat(41) }, 'displayName: Please keep the name under 40 characters.'],
    [{ avatar: 'unicorn' }, 'avatar: Please choose an avatar.'],
    [{ pin: '12' }, 'pin: A PIN is 4 to 6 digits.'],
    [{ pin: '12345678' }, 'pin: A PIN is 4 to 6 digits.'],
    [{ pin: 'abcd' }, 'pin: A PIN is 4 to 6 digits.'],
    [{ pin: undefined }, 'pin: A PIN is 4 to 6 digits.'],
  ])('refuses %o', (change, message) => {
    expect(firstError(addChildSchema, { ...base, ...change })).toBe(message);
  });
});

describe('childProfileSchema', () => {
  it('accepts a new name and a known avatar, and refuses anything else', () => {
    expect(childProfileSchema.parse({ childId, displayName: ' Leo ', avatar: 'owl' })).toEqual({
      childId,
      displayName: 'Leo',
      avatar: 'owl',
    });
    expect(firstError(childProfileSchema, { childId, displayName: '', avatar: 'owl' })).toBe(
      "displayName: Please enter your child's name.",
    );
    expect(firstError(childProfileSchema, { childId, displayName: 'Leo', avatar: '../../etc' })).toBe(
      'avatar: Please choose an avatar.',
    );
    expect(firstError(childProfileSchema, { childId: "1' or 1=1", displayName: 'Leo', avatar: 'owl' })).toMatch(
      /^childId: /,
    );
  });
});

describe('decideRequestSchema', () => {
  const requestId = childId;
  it('reads the chosen minutes, or none for "not today"', () => {
    expect(decideRequestSchema.parse({ requestId, decision: 'approve', minutes: '30' })).toEqual({
      requestId,
      decision: 'approve',
      minutes: 30,
    });
    expect(decideRequestSchema.parse({ requestId, decision: 'deny' })).toEqual({
      requestId,
      decision: 'deny',
      minutes: null,
    });
  });

  it.each([
    [{ minutes: '45' }, 'minutes: Please choose 15, 30 or 60 minutes.'],
    [{ minutes: '' }, 'minutes: Please choose 15, 30 or 60 minutes.'],
    [{ minutes: '-15' }, 'minutes: Please choose 15, 30 or 60 minutes.'],
    [{ decision: 'maybe' }, 'decision: Please choose approve or deny.'],
  ])('refuses %o', (change, message) => {
    expect(firstError(decideRequestSchema, { requestId, decision: 'approve', minutes: '15', ...change })).toBe(message);
  });
});

describe('the one-tap and confirm forms', () => {
  it('pause takes true or false only', () => {
    expect(pauseSchema.parse({ childId, paused: 'true' })).toEqual({ childId, paused: true });
    expect(pauseSchema.parse({ childId, paused: 'false' })).toEqual({ childId, paused: false });
    expect(firstError(pauseSchema, { childId, paused: 'yes' })).toBe('paused: Please choose pause or resume.');
  });

  it('withdrawing consent and deactivating need the box ticked', () => {
    expect(firstError(withdrawConsentSchema, { childId })).toBe(
      'confirm: Please tick the box to confirm you are withdrawing consent.',
    );
    expect(firstError(deactivateChildSchema, { childId, confirm: 'off' })).toBe(
      'confirm: Please tick the box to confirm.',
    );
    expect(deactivateChildSchema.parse({ childId, confirm: 'on' })).toEqual({ childId, confirm: 'on' });
  });

  it('PINs and invite codes', () => {
    expect(childPinSchema.parse({ childId, pin: ' 0042 ' })).toEqual({ childId, pin: '0042' });
    expect(firstError(childPinSchema, { childId, pin: '' })).toBe('pin: A PIN is 4 to 6 digits.');
    expect(inviteCodeSchema.parse({ code: ' abcd2345 ' })).toEqual({ code: 'ABCD2345' });
    expect(firstError(inviteCodeSchema, { code: 'ABCD-234' })).toBe('code: An invite code is 8 letters and digits.');
  });
});
