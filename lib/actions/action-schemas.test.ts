import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forgotPasswordSchema, newPasswordSchema } from '@/lib/auth/password-reset.schema';
import { signInSchema } from '@/lib/auth/sign-in.schema';
import { signUpSchema } from '@/lib/auth/sign-up.schema';
import {
  cancelPlanSchema,
  claimTrialSchema,
  convertGuestSchema,
  purchaseCreditsSchema,
  sandboxPaymentSchema,
  spendCreditsSchema,
  subscribeSchema,
} from '@/lib/credits/credits.schema';
import { markDeviceSchema, revokeDeviceSchema } from '@/lib/devices/device.schema';
import {
  addChildSchema,
  childPinSchema,
  childProfileSchema,
  consentSchema,
  deactivateChildSchema,
  decideRequestSchema,
  inviteCodeSchema,
  parentPinSchema,
  pauseSchema,
  reactivateChildSchema,
  withdrawConsentSchema,
} from '@/lib/family/child.schema';
import { controlsSchema } from '@/lib/family/controls.schema';
import { familySettingsSchema } from '@/lib/family/family.schema';
import { deviceSignInSchema, kidSignInSchema, leaveKidModeSchema, moreTimeSchema } from '@/lib/kids/kid-sign-in.schema';
import {
  banSchema,
  chatMessageSchema,
  createSessionSchema,
  joinCodeSchema,
  messageIdSchema,
  openRoundSchema,
  participantRoleSchema,
  participantSchema,
  phraseSchema,
  pickStorySchema,
  reportMessageSchema,
  reviewMessageSchema,
  roundChoiceSchema,
  roundIdSchema,
  sessionChoiceSchema,
  sessionIdSchema,
  sessionStorySchema,
  shortlistSchema,
  timeoutSchema,
} from '@/lib/live/live.schema';
import { createStorySchema } from '@/lib/stories/create-story.schema';
import {
  remixStorySchema,
  renameStorySchema,
  reviewPublicRequestSchema,
  storyIdSchema,
  storyVisibilitySchema,
} from '@/lib/stories/library.schema';
import {
  continueStorySchema,
  favouriteSchema,
  readingPathSchema,
  reportSegmentSchema,
  storyJobSchema,
} from '@/lib/stories/story-reader.schema';

// Hostile input for every server action: whatever a browser, a script or a hand-made FormData sends,
// the action's schema answers with field errors (or passes) and never throws, so the action wrapper
// (lib/actions/action.ts) always has a result to return. A new action's schema is added here; the last
// test finds actions whose schema is not.
const SCHEMAS: Record<string, z.ZodType> = {
  banSchema,
  chatMessageSchema,
  createSessionSchema,
  joinCodeSchema,
  messageIdSchema,
  openRoundSchema,
  participantRoleSchema,
  participantSchema,
  phraseSchema,
  pickStorySchema,
  reportMessageSchema,
  reviewMessageSchema,
  roundChoiceSchema,
  roundIdSchema,
  sessionChoiceSchema,
  sessionIdSchema,
  sessionStorySchema,
  shortlistSchema,
  timeoutSchema,
  signInSchema,
  signUpSchema,
  addChildSchema,
  consentSchema,
  childPinSchema,
  parentPinSchema,
  decideRequestSchema,
  inviteCodeSchema,
  controlsSchema,
  familySettingsSchema,
  kidSignInSchema,
  deviceSignInSchema,
  moreTimeSchema,
  leaveKidModeSchema,
  markDeviceSchema,
  revokeDeviceSchema,
  forgotPasswordSchema,
  newPasswordSchema,
  childProfileSchema,
  withdrawConsentSchema,
  pauseSchema,
  deactivateChildSchema,
  reactivateChildSchema,
  purchaseCreditsSchema,
  subscribeSchema,
  cancelPlanSchema,
  spendCreditsSchema,
  sandboxPaymentSchema,
  claimTrialSchema,
  convertGuestSchema,
  createStorySchema,
  continueStorySchema,
  renameStorySchema,
  storyIdSchema,
  storyVisibilitySchema,
  remixStorySchema,
  reviewPublicRequestSchema,
  storyJobSchema,
  reportSegmentSchema,
  readingPathSchema,
  favouriteSchema,
  'z.object({})': z.object({}),
};

type Inspectable = { shape?: Record<string, unknown>; def?: { type?: string; in?: z.ZodType } };

/** A schema with a transform at its end: its output is a different shape, so it cannot be re-parsed. */
function transforms(schema: z.ZodType): boolean {
  return (schema as unknown as Inspectable).def?.type === 'pipe';
}

/** The field names a schema reads (an object schema's shape, through refinements and transforms). */
function fieldsOf(schema: z.ZodType): string[] {
  const inspectable = schema as unknown as Inspectable;
  if (inspectable.shape) return Object.keys(inspectable.shape);
  return inspectable.def?.type === 'pipe' && inspectable.def.in ? fieldsOf(inspectable.def.in) : [];
}

// Values nobody should send: wrong types, empty and whitespace, huge and odd Unicode, injection-looking
// text, numbers at the edges, nested objects.
const hostileValue = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    'on',
    'true',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0x10',
    '١٢٣٤',
    '１２３４',
    "'; drop table families; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    'x'.repeat(100_000),
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.date(),
);

/** An object with (some of) the schema's own keys set to hostile values, plus stray keys. */
function hostileInput(fields: string[]) {
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), hostileValue),
    hostileValue,
  );
}

/** What the action wrapper does with a failure: flatten it into messages a form can show. */
function messagesOf(error: z.ZodError): string[] {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return [...formErrors, ...Object.values(fieldErrors).flat()] as string[];
}

function checkAnswer(schema: z.ZodType, fields: string[], input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) {
    // What passed is valid again (transforms such as trim and coercion are stable), unless the
    // schema ends in a transform to another shape.
    if (!transforms(schema)) expect(schema.safeParse(result.data).success).toBe(true);
    return;
  }
  const messages = messagesOf(result.error);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(typeof message).toBe('string');
    expect(message.trim().length).toBeGreaterThan(0);
    expect(message.length).toBeLessThan(200);
  }
  // Field errors only ever name the schema's own fields.
  for (const key of Object.keys(z.flattenError(result.error).fieldErrors)) expect(fields).toContain(key);
}

describe('server action schemas under hostile input', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const fields = fieldsOf(schema);

    it(`${name}: random objects and values get field errors or pass, never a throw`, () => {
      fc.assert(
        fc.property(hostileInput(fields.length ? fields : ['extra']), (input) => checkAnswer(schema, fields, input)),
        { numRuns: 300 },
      );
    });

    it(`${name}: any FormData a browser could post gets field errors or passes`, () => {
      const entry = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('', 'on', '0', '-1'));
      const keys = fc.constantFrom(...fields, 'extra');
      fc.assert(
        fc.property(fc.array(fc.tuple(keys, entry), { maxLength: 12 }), (entries) => {
          const form = new FormData();
          for (const [key, value] of entries) form.append(key, value);
          checkAnswer(schema, fields, Object.fromEntries(form));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('the check can fail: a schema that throws on odd input is caught', () => {
    const fragile = z.object({ name: z.string() }).transform((value) => {
      if (value.name.includes('\u0000')) throw new Error('unexpected NUL');
      return value;
    });
    expect(() =>
      fc.assert(
        fc.property(hostileInput(['name']), (input) => checkAnswer(fragile, ['name'], input)),
        { numRuns: 2_000 },
      ),
    ).toThrow(/Property failed[\s\S]*Counterexample: \[\{"name":/);
  });

  it('every server action in app/, lib/stories/ and lib/live/ uses a schema listed here', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/-actions?\.ts$/.test(name)) files.push(full);
      }
    };
    walk(path.resolve(import.meta.dirname, '../../app'));
    // The stories domain keeps its actions beside its schemas.
    walk(path.resolve(import.meta.dirname, '../stories'));
    walk(path.resolve(import.meta.dirname, '../live'));
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:public|user|parent|child)Action\(\s*(z\.object\(\{\}\)|\w+)/g)].map(
        (m) => m[1],
      ),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((schema) => !(schema in SCHEMAS))).toEqual([]);
  });
});
