import { z } from 'zod';

/**
 * A required whole number from a form field. z.coerce.number() would read an empty field as 0 (and
 * "Saved." a limit of zero); here an empty field is "required", anything that is not a number says so,
 * and only then do the range checks speak.
 */
export function wholeNumberField({
  required,
  notANumber = 'Please enter a number.',
  whole,
  min,
  max,
}: {
  required: string;
  notANumber?: string;
  whole: string;
  min: [number, string];
  max: [number, string];
}) {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim();
      // Number('') is 0 and Number(' 12 ') is 12: only digits (with an optional sign and decimals) count.
      if (text === '') return undefined;
      return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? required : notANumber) })
      // Range first: 1e20 is "too many" to a person, not "not whole" (it is beyond a safe integer).
      .min(min[0], min[1])
      .max(max[0], max[1])
      .int(whole),
  );
}
