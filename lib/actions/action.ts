import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { type FamilyRole, getCurrentMember, type Member } from '@/lib/auth/current-member';
import type { CurrentUser } from '@/lib/auth/get-current-user';
import { NOT_ALLOWED, UNEXPECTED, userMessage } from '@/lib/errors/user-message';
import { createClient } from '@/lib/supabase/server';
import type { ActionResult } from './action-result';

type ServerClient = Awaited<ReturnType<typeof createClient>>;

export type PublicContext = { supabase: ServerClient };
export type UserContext = PublicContext & { user: CurrentUser };
export type MemberContext<R extends FamilyRole = FamilyRole> = UserContext & {
  member: Member<R>;
  familyId: string;
  role: R;
};

/** Thrown by handlers for failures the user should read; the message must be a sentence. */
export class ActionError extends Error {}

// supabase-js errors (PostgREST's and Auth's) are objects with a string code; anything else is a bug.
function isApiError(error: unknown): error is { code: string; message: string; details?: string | null } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

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
    // A handler may rethrow a supabase-js error as it is: the error contract decides the sentence.
    if (isApiError(error)) {
      const message = userMessage(error);
      if (message === UNEXPECTED) console.error('Server action failed', error);
      return { ok: false, error: message };
    }
    console.error('Server action failed', error);
    return { ok: false, error: UNEXPECTED };
  }
}

type Handler<S extends z.ZodType, C, T> = (input: z.output<S>, ctx: C) => Promise<T>;
type Action<S extends z.ZodType, T> = (input: z.input<S> | FormData) => Promise<ActionResult<T>>;

/** An action anyone may call (sign-in, sign-up). The handler gets a cookie-bound Supabase client. */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, PublicContext, T>): Action<S, T> {
  return async (input) => run(schema, input, async (data) => handler(data, { supabase: await createClient() }));
}

/** An action for any signed-in user; signed-out callers are sent to /sign-in. */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, UserContext, T>): Action<S, T> {
  return async (input) =>
    run(schema, input, async (data) => {
      const caller = await getCurrentMember();
      if (!caller) redirect('/sign-in');
      return handler(data, { supabase: await createClient(), user: caller.user });
    });
}

function memberAction<R extends FamilyRole>(role: R) {
  return <S extends z.ZodType, T>(schema: S, handler: Handler<S, MemberContext<R>, T>): Action<S, T> =>
    async (input) =>
      run(schema, input, async (data) => {
        const caller = await getCurrentMember();
        if (!caller) redirect(role === 'child' ? '/kids' : '/sign-in');
        if (caller.member?.role !== role) throw new ActionError(NOT_ALLOWED);
        const member = caller.member as Member<R>;
        return handler(data, {
          supabase: await createClient(),
          user: caller.user,
          member,
          familyId: member.familyId,
          role,
        });
      });
}

/** An action only a parent may call; the handler gets the parent's family. */
export const parentAction = memberAction('parent');

/** An action only a child (in kid mode) may call; the handler gets the child's family. */
export const childAction = memberAction('child');
