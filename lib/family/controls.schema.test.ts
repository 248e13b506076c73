import { describe, expect, it } from 'vitest';
import { controlsSchema } from './controls.schema';

// What the form sends: FormData strings, "on" for ticked boxes, nothing for unticked ones.
const base = {
  childId: '7f1c2a52-6a0e-4d4b-9d4e-2b8f6c1d0a11',
  ageBand: '7-9',
  dailyMinutes: '45',
  bedtimeStart: '20:00',
  bedtimeEnd: '07:00',
  readingAllowed: 'on',
  chatLevel: 'phrases',
  monthlyCreditAllowance: '50',
};

function errorsOf(input: Record<string, unknown>) {
  const parsed = controlsSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('controlsSchema', () => {
  it('turns form values into typed controls, unticked boxes into false', () => {
    expect(controlsSchema.parse(base)).toMatchObject({
      dailyMinutes: 45,
      bedtimeStart: '20:00',
      bedtimeEnd: '07:00',
      readingAllowed: true,
      creatingAllowed: false,
      monthlyCreditAllowance: 50,
    });
  });

  it('accepts no bedtime and a bedtime across midnight', () => {
    expect(controlsSchema.parse({ ...base, bedtimeStart: '', bedtimeEnd: '' })).toMatchObject({
      bedtimeStart: null,
      bedtimeEnd: null,
    });
    expect(errorsOf({ ...base, bedtimeStart: '23:30', bedtimeEnd: '06:00' })).toBeNull();
  });

  it.each([
    [{ dailyMinutes: '-1' }, 'dailyMinutes: Daily reading minutes cannot be negative.'],
    [{ dailyMinutes: '601' }, 'dailyMinutes: Daily reading minutes can be at most 600 (10 hours).'],
    [{ dailyMinutes: '1.5' }, 'dailyMinutes: Please enter whole minutes.'],
    [{ dailyMinutes: '' }, 'dailyMinutes: Please enter a number of minutes.'],
    [{ dailyMinutes: undefined }, 'dailyMinutes: Please enter a number of minutes.'],
    [{ dailyMinutes: 'lots' }, 'dailyMinutes: Please enter a number.'],
    [{ dailyMinutes: '<script>' }, 'dailyMinutes: Please enter a number.'],
    [{ monthlyCreditAllowance: '' }, 'monthlyCreditAllowance: Please enter a number of credits.'],
    [
      { monthlyCreditAllowance: '10001' },
      'monthlyCreditAllowance: The monthly credit allowance can be at most 10,000 credits.',
    ],
    [{ chatLevel: 'anything' }, 'chatLevel: Please choose a chat level.'],
    [{ childId: 'not-a-uuid' }, 'childId: Invalid UUID'],
    [{ bedtimeEnd: '' }, 'bedtimeEnd: Set both a bedtime start and a bedtime end, or neither.'],
    [{ bedtimeEnd: '20:00' }, 'bedtimeEnd: Bedtime must start and end at different times.'],
    [{ bedtimeStart: '25:00' }, 'bedtimeStart: Please enter a time like 19:30.'],
    [{ monthlyCreditAllowance: '-3' }, 'monthlyCreditAllowance: The monthly credit allowance cannot be negative.'],
    [{ ageBand: '13-18' }, 'ageBand: Please choose an age band.'],
  ])('refuses %o with a sentence', (change, message) => {
    expect(errorsOf({ ...base, ...change })).toEqual([message]);
  });
});
