import { z } from 'zod';
import { wholeNumberField } from '@/lib/forms/number-field';
import { AGE_BANDS, CHAT_LEVELS } from './options';

// FormData sends "on" for a ticked checkbox and nothing for an unticked one.
const checkbox = z.preprocess((value) => value === 'on' || value === true || value === 'true', z.boolean());
const optionalTime = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Please enter a time like 19:30.')
    .nullable(),
);

// The same limits as the database trigger, so the form explains them before a round trip. Pausing is
// not here: it has its own one-tap control, so saving these never undoes a pause made meanwhile.
export const controlsSchema = z
  .object({
    childId: z.uuid(),
    ageBand: z.enum(AGE_BANDS, 'Please choose an age band.'),
    dailyMinutes: wholeNumberField({
      required: 'Please enter a number of minutes.',
      whole: 'Please enter whole minutes.',
      min: [0, 'Daily reading minutes cannot be negative.'],
      max: [600, 'Daily reading minutes can be at most 600 (10 hours).'],
    }),
    bedtimeStart: optionalTime,
    bedtimeEnd: optionalTime,
    readingAllowed: checkbox,
    creatingAllowed: checkbox,
    liveSessionsAllowed: checkbox,
    chatLevel: z.enum(CHAT_LEVELS, 'Please choose a chat level.'),
    monthlyCreditAllowance: wholeNumberField({
      required: 'Please enter a number of credits.',
      whole: 'Please enter whole credits.',
      min: [0, 'The monthly credit allowance cannot be negative.'],
      max: [10000, 'The monthly credit allowance can be at most 10,000 credits.'],
    }),
    approvalAboveAllowance: checkbox,
  })
  .superRefine((value, ctx) => {
    if ((value.bedtimeStart === null) !== (value.bedtimeEnd === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.bedtimeStart === null ? 'bedtimeStart' : 'bedtimeEnd'],
        message: 'Set both a bedtime start and a bedtime end, or neither.',
      });
    } else if (value.bedtimeStart !== null && value.bedtimeStart.slice(0, 5) === value.bedtimeEnd?.slice(0, 5)) {
      ctx.addIssue({ code: 'custom', path: ['bedtimeEnd'], message: 'Bedtime must start and end at different times.' });
    }
  });

export type ControlsInput = z.input<typeof controlsSchema>;
