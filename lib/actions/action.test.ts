// The role-bound wrappers decide who reaches a handler: a child's session calling a parent action (or a
// parent calling a child action, or an account without a family calling either) is refused with the
// one NOT_ALLOWED sentence and the handler never runs, so nothing is written. Who is asking comes from
// getCurrentMember (cookies and the database in the app); here it is set per test.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));
const caller = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/auth/current-member', () => ({ getCurrentMember: async () => caller.current }));
vi.mock('@/lib/supabase/server', () => ({ createClient: async () => ({ client: 'server' }) }));
const redirects = vi.hoisted(() => [] as string[]);
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    redirects.push(to);
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && error.message.startsWith('NEXT_REDIRECT')) throw error;
  },
}));

const { childAction, parentAction, userAction, ActionError } = await import('./action');
const { NOT_ALLOWED } = await import('@/lib/errors/user-message');

const user = { id: 'u1', email: 'someone@example.test' };
const as = (role: 'parent' | 'child' | null) => {
  caller.current = { user, member: role ? { ...user, familyId: 'f1', role } : null };
};
const schema = z.object({ minutes: z.number().int().min(1) });

describe('role-bound actions', () => {
  const handler = vi.fn(async (input: { minutes: number }, ctx: { familyId?: string; role?: string }) => ({
    ...input,
    familyId: ctx.familyId,
    role: ctx.role,
  }));
  beforeEach(() => {
    handler.mockClear();
    redirects.length = 0;
  });

  it("runs a parent action for a parent, with the caller's family and role", async () => {
    as('parent');
    await expect(parentAction(schema, handler)({ minutes: 5 })).resolves.toEqual({
      ok: true,
      data: { minutes: 5, familyId: 'f1', role: 'parent' },
    });
  });

  it.each([
    ['a child', 'child' as const],
    ['an account without a family', null],
  ])('refuses a parent action from %s without running it', async (_who, role) => {
    as(role);
    await expect(parentAction(schema, handler)({ minutes: 5 })).resolves.toEqual({ ok: false, error: NOT_ALLOWED });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a child action from a parent without running it', async () => {
    as('parent');
    await expect(childAction(schema, handler)({ minutes: 5 })).resolves.toEqual({ ok: false, error: NOT_ALLOWED });
    expect(handler).not.toHaveBeenCalled();
  });

  it('sends a signed-out caller to the right sign-in page and runs nothing', async () => {
    caller.current = null;
    await expect(parentAction(schema, handler)({ minutes: 5 })).rejects.toThrow('NEXT_REDIRECT /sign-in');
    await expect(childAction(schema, handler)({ minutes: 5 })).rejects.toThrow('NEXT_REDIRECT /kids');
    await expect(userAction(schema, (input) => handler(input, {}))({ minutes: 5 })).rejects.toThrow(
      'NEXT_REDIRECT /sign-in',
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('checks the input before the caller: bad input gets field errors and runs nothing', async () => {
    as('parent');
    const result = await parentAction(schema, handler)({ minutes: 0 });
    expect(result).toMatchObject({ ok: false, fieldErrors: { minutes: [expect.any(String)] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reads form posts as well as objects', async () => {
    as('child');
    const form = new FormData();
    form.set('name', 'Mia');
    const named = childAction(z.object({ name: z.string() }), async ({ name }) => name);
    await expect(named(form)).resolves.toEqual({ ok: true, data: 'Mia' });
  });

  it('turns failures into sentences: ActionError as written, API errors through the error contract, bugs as unexpected', async () => {
    as('parent');
    const failing = (error: unknown) =>
      parentAction(schema, async () => {
        throw error;
      })({ minutes: 1 });
    await expect(failing(new ActionError('That child is already paused.'))).resolves.toEqual({
      ok: false,
      error: 'That child is already paused.',
    });
    await expect(failing({ code: '42501', message: 'permission denied for table families' })).resolves.toEqual({
      ok: false,
      error: NOT_ALLOWED,
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unexpected = await failing(new TypeError('x is undefined'));
    spy.mockRestore();
    expect(unexpected).toMatchObject({ ok: false });
    expect((unexpected as { error: string }).error).not.toContain('undefined');
  });
});
