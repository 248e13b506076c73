import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { type CurrentUser, requireUser } from '@/lib/auth/require-user';
import { createClient } from '@/lib/supabase/server';
import type { ActionResult } from './action-result';

type ServerClient = Awaited<ReturnType<typeof createClient>>;

/** Thrown by handlers for failures the user should read; the message must be a sentence. */
export class ActionError extends Error {}

const UNEXPECTED = 'Something went wrong on our side. Please try again.';

function toInput(raw: unknown): unknown {
  // Actions accept a plain object from client code or FormData from a native form post.
  return raw instanceof FormData ? Object.fromEntries(raw) : raw;
}

async function run<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  execute: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(toInput(raw));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { ok: false, error: 'Please check the highlighted fields.', fieldErrors };
  }
  try {
    return { ok: true, data: await execute(parsed.data) };
  } catch (error) {
    // redirect() and notFound() work by throwing; they must reach Next.js untouched.
    unstable_rethrow(error);
    if (error instanceof ActionError) return { ok: false, error: error.message };
    console.error('Server action failed', error);
    return { ok: false, error: UNEXPECTED };
  }
}

/** An action anyone may call (sign-in, sign-up). The handler gets a cookie-bound Supabase client. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: { supabase: ServerClient }) => Promise<T>,
) {
  return async (input: z.input<S> | FormData): Promise<ActionResult<T>> =>
    run(schema, input, async (data) => handler(data, { supabase: await createClient() }));
}

/** An action for signed-in users; signed-out callers are redirected to /sign-in. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: { supabase: ServerClient; user: CurrentUser }) => Promise<T>,
) {
  return async (input: z.input<S> | FormData): Promise<ActionResult<T>> =>
    run(schema, input, async (data) => {
      const user = await requireUser();
      return handler(data, { supabase: await createClient(), user });
    });
}
