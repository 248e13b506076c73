import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { wholeNumberField } from './number-field';

const minutes = z.object({
  minutes: wholeNumberField({
    required: 'Please enter a number of minutes.',
    whole: 'Please enter whole minutes.',
    min: [0, 'Too few.'],
    max: [600, 'Too many.'],
  }),
});

const messageFor = (value: unknown) => minutes.safeParse({ minutes: value }).error?.issues[0].message ?? null;

describe('wholeNumberField', () => {
  it('never reads an empty or missing field as 0', () => {
    expect(messageFor('')).toBe('Please enter a number of minutes.');
    expect(messageFor('   ')).toBe('Please enter a number of minutes.');
    expect(messageFor(undefined)).toBe('Please enter a number of minutes.');
  });

  it.each([['abc'], ['12abc'], ['1e3'], ['0x10'], ['Infinity'], ['NaN'], ['１２'], [null], [{}], [true]])(
    'calls %o not a number',
    (value) => {
      expect(messageFor(value)).toBe('Please enter a number.');
    },
  );

  it('checks whole numbers and the range after that', () => {
    expect(messageFor('1.5')).toBe('Please enter whole minutes.');
    expect(messageFor('-1')).toBe('Too few.');
    expect(messageFor('601')).toBe('Too many.');
    expect(messageFor('99999999999999999999')).toBe('Too many.');
  });

  it('accepts numbers with spaces around them, and numbers already parsed', () => {
    expect(minutes.parse({ minutes: ' 45 ' })).toEqual({ minutes: 45 });
    expect(minutes.parse({ minutes: '0' })).toEqual({ minutes: 0 });
    expect(minutes.parse({ minutes: 30 })).toEqual({ minutes: 30 });
  });
});
