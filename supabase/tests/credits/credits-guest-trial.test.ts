import { randomUUID } from 'node:crypto';
import { adminQuery } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { addChild, expectError, signUpParent } from '../rls/family-helpers';
import { callAs, createGuest, expectInvariants, ledgerOf, walletOf } from './credit-helpers';

// The guest trial, with guests signed in through Auth's anonymous sign-in.
const device = () => `dev_${randomUUID().replaceAll('-', '')}`;

describe('guest trial', () => {
  it('a guest claims the welcome credits once; the account and the device cannot claim again', async () => {
    const guest = await createGuest();
    expect((await guest.client.rpc('get_guest_trial')).data).toEqual({ is_guest: true, claimed: false });
    const deviceId = device();
    const claimed = await guest.client.rpc('claim_guest_trial', { p_device_id: deviceId });
    expect(claimed.data).toMatchObject({ credits: 10, balance: 10 });
    expect((await guest.client.rpc('get_guest_trial')).data).toEqual({ is_guest: true, claimed: true });
    expectError(await guest.client.rpc('claim_guest_trial', { p_device_id: device() }), 'guest_trial_already_claimed');
    const another = await createGuest();
    expectError(
      await another.client.rpc('claim_guest_trial', { p_device_id: deviceId }),
      'guest_trial_already_claimed',
    );
    expect((await walletOf(another.familyId)).balance).toBe(0);
    expect((await ledgerOf(guest.familyId)).map((r) => [r.reason, r.granted_delta])).toEqual([['welcome_grant', 10]]);
  });

  it('two devices claiming at once for one account, and two accounts on one device: one grant each way', async () => {
    const guest = await createGuest();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => callAs(guest.id, 'select public.claim_guest_trial($1)', [device()])),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const shared = device();
    const guests = await Promise.all(Array.from({ length: 10 }, () => createGuest()));
    const racing = await Promise.all(guests.map((g) => callAs(g.id, 'select public.claim_guest_trial($1)', [shared])));
    expect(racing.filter((o) => o.ok)).toHaveLength(1);
    expect(racing.filter((o) => !o.ok).every((o) => !o.ok && o.message === 'guest_trial_already_claimed')).toBe(true);
    await expectInvariants([guest.familyId, ...guests.map((g) => g.familyId)]);
  });

  it('refuses grown-ups who signed up, children and malformed device ids', async () => {
    const parent = await signUpParent();
    expectError(await parent.client.rpc('claim_guest_trial', { p_device_id: device() }), 'guest_trial_guests_only');
    const child = await addChild(parent);
    expectError(await child.client.rpc('claim_guest_trial', { p_device_id: device() }), 'guest_trial_guests_only');
    const guest = await createGuest();
    expectError(await guest.client.rpc('claim_guest_trial', { p_device_id: 'short' }), 'device_id_invalid');
    expectError(
      await guest.client.rpc('claim_guest_trial', { p_device_id: "'; drop table x; --" }),
      'device_id_invalid',
    );
    expectError(await guest.client.rpc('claim_guest_trial', { p_device_id: null }), 'device_id_invalid');
    expect((await walletOf(guest.familyId)).balance).toBe(0);
  });

  it('signing up converts the guest: same account and family, credits kept, on the Free plan, no second claim', async () => {
    const guest = await createGuest();
    await guest.client.rpc('claim_guest_trial', { p_device_id: device() });
    expect(((await guest.client.rpc('get_my_plan')).data as { plan: { code: string } }).plan.code).toBe('guest');
    // Signing up from the guest session: updateUser adds an e-mail and password to the same auth user.
    const email = `converted-${randomUUID().slice(0, 8)}@example.test`;
    const converted = await guest.client.auth.updateUser({ email, password: `pw-${randomUUID()}` });
    expect(converted.error).toBeNull();
    expect(converted.data.user?.is_anonymous).toBe(false);
    await guest.client.auth.refreshSession();
    const [member] = await adminQuery<{ family_id: string; role: string }>(
      'select family_id, role from public.family_members where user_id = $1',
      [guest.id],
    );
    expect(member).toEqual({ family_id: guest.familyId, role: 'parent' });
    // The welcome credits stay, and the Free plan's month comes on top.
    expect(await walletOf(guest.familyId)).toMatchObject({ balance: 20, granted_balance: 20 });
    expect(((await guest.client.rpc('get_my_plan')).data as { plan: { code: string } }).plan.code).toBe('free');
    // Now a parent like any other, who may buy credits, and the account never claims again.
    expect((await guest.client.rpc('claim_guest_trial', { p_device_id: device() })).error?.message).toBe(
      'guest_trial_guests_only',
    );
    await adminQuery('update auth.users set is_anonymous = true where id = $1', [guest.id]);
    expect((await guest.client.rpc('claim_guest_trial', { p_device_id: device() })).error?.message).toBe(
      'guest_trial_already_claimed',
    );
  });
});
