import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as passwordReset from '@/lib/auth/password-reset.schema';
import * as signIn from '@/lib/auth/sign-in.schema';
import * as signUp from '@/lib/auth/sign-up.schema';
import * as credits from '@/lib/credits/credits.schema';
import * as devices from '@/lib/devices/device.schema';
import * as child from '@/lib/family/child.schema';
import * as controls from '@/lib/family/controls.schema';
import * as family from '@/lib/family/family.schema';
import * as kidSignIn from '@/lib/kids/kid-sign-in.schema';
import * as live from '@/lib/live/live.schema';
import * as theme from '@/lib/profiles/theme.schema';
import * as createStory from '@/lib/stories/create-story.schema';
import * as library from '@/lib/stories/library.schema';
import * as storyReader from '@/lib/stories/story-reader.schema';

// Hostile input for every server action: whatever a browser, a script or a hand-made FormData sends,
// the action's schema answers with field errors (or passes) and never throws, so the action wrapper
// (lib/actions/action.ts) always has a result to return. A new domain's schema module is added to
// SCHEMA_MODULES; the last test finds actions whose schema is not covered.
const SCHEMA_MODULES = [
  passwordReset,
  signIn,
  signUp,
  credits,
  devices,
  child,
  controls,
  family,
  kidSignIn,
  live,
  theme,
  createStory,
  library,
  storyReader,
];
// Every zod schema those modules export, by its export name (what an action file names).
const SCHEMAS: Record<string, z.ZodType> = {
  ...Object.fromEntries(
    SCHEMA_MODULES.flatMap((module) =>
      Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType),
    ),
  ),
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

  it('every server action in app/ and lib/ uses a schema listed here', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/-actions?\.ts$/.test(name)) files.push(full);
      }
    };
    // Routes keep their actions beside their pages; some domains keep theirs in lib/ beside the schemas.
    walk(path.resolve(import.meta.dirname, '../../app'));
    walk(path.resolve(import.meta.dirname, '..'));
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:public|user|parent|child)Action\(\s*(z\.object\(\{\}\)|\w+)/g)].map(
        (m) => m[1],
      ),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((schema) => !(schema in SCHEMAS))).toEqual([]);
  });
});
