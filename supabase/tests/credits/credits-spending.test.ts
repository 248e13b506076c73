import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent } from '../rls/family-helpers';
import { callAs, expectInvariants, giveCredits, ledgerOf, newKey, signUpEmptyParent, walletOf } from './credit-helpers';

// spend_credits(): validation, idempotency with Stripe's semantics, the row lock under concurrency, and
// children's spending within the allowance or through a parent's approval.
type SpendResult = { status: string; ledger_id?: string; balance?: number; request_id?: string; amount: number };

async function setControls(childId: string, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  await adminQuery(
    `update public.parental_controls set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where child_id = $1`,
    [childId, ...Object.values(values)],
  );
}

const spendSql = 'select public.spend_credits($1, $2, $3)';

let parent: Parent;
let other: Parent;

beforeAll(async () => {
  [parent, other] = await Promise.all([signUpEmptyParent(), signUpEmptyParent()]);
  await giveCredits(parent.familyId, { paid: 100 });
  await giveCredits(other.familyId, { paid: 100 });
});

describe('spend_credits: bad input changes nothing', () => {
  it('refuses zero, negative, non-integer and huge amounts, long memos and missing or malformed keys', async () => {
    const spend = (p_amount: unknown, p_idempotency_key: unknown = newKey(), p_memo: unknown = 'A story') =>
      parent.client.rpc('spend_credits', { p_amount, p_memo, p_idempotency_key } as never);
    expectError(await spend(0), 'credit_amount_range');
    expectError(await spend(-5), 'credit_amount_range');
    expectError(await spend(100_001), 'credit_amount_range');
    expectError(await spend(2 ** 40), /out of range|invalid input/);
    expectError(await spend(1.5), /invalid input syntax/);
    expectError(await spend('ten'), /invalid input syntax/);
    expectError(await spend(1, null), 'idempotency_key_invalid');
    expectError(await spend(1, 'too-short'), 'idempotency_key_invalid');
    expectError(await spend(1, 'x'.repeat(256)), 'idempotency_key_invalid');
    expectError(await spend(1, 'has spaces in the key!!'), 'idempotency_key_invalid');
    expectError(await spend(1, newKey(), 'x'.repeat(201)), 'message_too_long');
    expectError(await spend(101), 'insufficient_credits', { balance: 100, needed: 101 });
    expectError(
      await anonClient().rpc('spend_credits', { p_amount: 1, p_memo: null, p_idempotency_key: newKey() }),
      /permission denied/,
    );
    expect((await walletOf(parent.familyId)).balance).toBe(100);
    expect(await ledgerOf(parent.familyId)).toHaveLength(1);
  });

  it("spends only from the caller's own family: there is no way to name another family's wallet", async () => {
    const before = (await walletOf(other.familyId)).balance;
    const spent = await parent.client.rpc('spend_credits', {
      p_amount: 1,
      p_memo: 'mine',
      p_idempotency_key: newKey(),
    });
    expect(spent.error).toBeNull();
    expect((await walletOf(other.familyId)).balance).toBe(before);
    // The private body is not reachable over the API at all.
    const direct = await parent.client.schema('private' as never).rpc('debit_wallet', {} as never);
    expect(direct.error).not.toBeNull();
  });
});

describe('idempotency keys', () => {
  it('the same key and request return the stored response; another request with the key is a conflict', async () => {
    const key = newKey();
    const first = await parent.client.rpc('spend_credits', {
      p_amount: 3,
      p_memo: 'Dragon story',
      p_idempotency_key: key,
    });
    const again = await parent.client.rpc('spend_credits', {
      p_amount: 3,
      p_memo: 'Dragon story',
      p_idempotency_key: key,
    });
    expect(first.error).toBeNull();
    expect(again.data).toEqual(first.data);
    expectError(
      await parent.client.rpc('spend_credits', { p_amount: 4, p_memo: 'Dragon story', p_idempotency_key: key }),
      'idempotency_key_reused',
    );
    const ledger = await ledgerOf(parent.familyId);
    expect(ledger.filter((r) => r.memo === 'Dragon story')).toHaveLength(1);
    // Keys are per user: another parent may use the same string.
    expect(
      (await other.client.rpc('spend_credits', { p_amount: 3, p_memo: 'x', p_idempotency_key: key })).error,
    ).toBeNull();
  });

  it('after 24 hours a key counts as new, and the purge removes expired keys', async () => {
    const key = newKey();
    await parent.client.rpc('spend_credits', { p_amount: 1, p_memo: 'old', p_idempotency_key: key });
    await adminQuery(`update private.idempotency_keys set expires_at = now() - interval '1 second' where key = $1`, [
      key,
    ]);
    const reused = await parent.client.rpc('spend_credits', { p_amount: 2, p_memo: 'new', p_idempotency_key: key });
    expect(reused.data).toMatchObject({ status: 'spent', amount: 2 });

    const stale = newKey();
    await parent.client.rpc('spend_credits', { p_amount: 1, p_memo: 'stale', p_idempotency_key: stale });
    await adminQuery(`update private.idempotency_keys set expires_at = now() - interval '1 second' where key = $1`, [
      stale,
    ]);
    const [{ purged }] = await adminQuery<{ purged: number }>('select private.purge_idempotency_keys() as purged');
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await adminQuery('select 1 from private.idempotency_keys where key = $1', [stale])).toEqual([]);
    expect(await adminQuery('select 1 from private.idempotency_keys where key = $1', [key])).toHaveLength(1);
  });

  it('a request that fails stores nothing under its key, so it can be retried', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 2 });
    const key = newKey();
    expectError(
      await family.client.rpc('spend_credits', { p_amount: 5, p_memo: 'x', p_idempotency_key: key }),
      'insufficient_credits',
    );
    await giveCredits(family.familyId, { paid: 10 });
    const retried = await family.client.rpc('spend_credits', { p_amount: 5, p_memo: 'x', p_idempotency_key: key });
    expect(retried.data).toMatchObject({ status: 'spent', balance: 7 });
  });

  it('50 concurrent identical requests with one key make one ledger row and identical responses', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 500 });
    const key = newKey();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => callAs<SpendResult>(family.id, spendSql, [7, 'Same click', key])),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const responses = outcomes.map((o) => (o.ok ? JSON.stringify(o.value) : ''));
    expect(new Set(responses).size).toBe(1);
    expect(await ledgerOf(family.familyId)).toHaveLength(2);
    expect((await walletOf(family.familyId)).balance).toBe(493);
    await expectInvariants([family.familyId]);
  });
});

describe('concurrency', () => {
  it('200 concurrent spends on a balance of 100: exactly 100 succeed, the rest are refused', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 60 });
    await giveCredits(family.familyId, { granted: 40, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => callAs<SpendResult>(family.id, spendSql, [1, `spend ${i}`, newKey()])),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(100);
    const refusals = outcomes.filter((o) => !o.ok);
    expect(refusals.every((o) => !o.ok && o.message === 'insufficient_credits')).toBe(true);
    expect(await walletOf(family.familyId)).toMatchObject({ balance: 0, paid_balance: 0, granted_balance: 0 });
    const ledger = await ledgerOf(family.familyId);
    expect(ledger.filter((r) => r.reason === 'spend')).toHaveLength(100);
    // Granted credits went first: the first 40 spends took them, the later ones paid credits.
    expect(
      ledger
        .filter((r) => r.reason === 'spend')
        .map((r) => r.granted_delta)
        .slice(0, 40),
    ).toEqual(Array(40).fill(-1));
    await expectInvariants([family.familyId]);
  });
});

describe('spend_credits: what a spend takes', () => {
  it('granted credits first, soonest-expiring lot first, then paid; an expired lot is booked out, never spent', async () => {
    const family = await signUpEmptyParent();
    const day = 86_400_000;
    await giveCredits(family.familyId, { paid: 20 });
    await giveCredits(family.familyId, { granted: 5, expiresAt: new Date(Date.now() + 30 * day).toISOString() });
    await giveCredits(family.familyId, { granted: 5, expiresAt: new Date(Date.now() + day).toISOString() });
    await giveCredits(family.familyId, { granted: 4, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const first = await callAs<SpendResult>(family.id, spendSql, [7, 'owls', newKey()]);
    expect(first).toMatchObject({ ok: true, value: { status: 'spent', amount: 7, balance: 23 } });
    const lots = await adminQuery<{ remaining: number }>(
      `select remaining from public.credit_grants where family_id = $1 and amount = 5 order by expires_at`,
      [family.familyId],
    );
    expect(lots.map((l) => l.remaining)).toEqual([0, 3]);
    const second = await callAs<SpendResult>(family.id, spendSql, [5, 'bats', newKey()]);
    expect(second).toMatchObject({ ok: true, value: { status: 'spent', balance: 18 } });
    const ledger = await ledgerOf(family.familyId);
    expect(ledger.filter((r) => r.reason === 'expiry').map((r) => r.granted_delta)).toEqual([-4]);
    expect(ledger.filter((r) => r.reason === 'spend').map((r) => [r.paid_delta, r.granted_delta])).toEqual([
      [0, -7],
      [-2, -3],
    ]);
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 18, granted_balance: 0 });
    const overdraft = await callAs<SpendResult>(family.id, spendSql, [19, 'too much', newKey()]);
    expect(overdraft).toMatchObject({ ok: false, message: 'insufficient_credits' });
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 18, granted_balance: 0 });
    await expectInvariants([family.familyId]);
  });
});

describe("children's spending", () => {
  let family: Parent;
  let child: Child;

  beforeAll(async () => {
    family = await signUpEmptyParent();
    child = await addChild(family);
    await giveCredits(family.familyId, { paid: 100 });
  });

  const childSpend = (amount: number, memo = 'A story about owls', key = newKey()) =>
    child.client.rpc('spend_credits', { p_amount: amount, p_memo: memo, p_idempotency_key: key });

  it("within the month's allowance a child's spend goes through and counts against it", async () => {
    await setControls(child.id, { monthly_credit_allowance: 10, approval_above_allowance: true });
    const spent = await childSpend(6);
    expect(spent.data).toMatchObject({ status: 'spent', amount: 6, balance: 94 });
    const month = await child.client
      .rpc('get_my_allowance')
      .single<{ allowance: number; spent: number; credits_left: number }>();
    expect(month.data).toMatchObject({ allowance: 10, spent: 6, credits_left: 4 });
    // The parent sees the child's month; other parents do not.
    const months = await family.client.rpc('get_children_credit_months');
    expect(months.data).toEqual([
      expect.objectContaining({ child_id: child.id, allowance: 10, spent: 6, pending_credits: null }),
    ]);
    expect((await other.client.rpc('get_children_credit_months')).data).toEqual([]);
    expect((await family.client.rpc('get_my_allowance')).data).toEqual([]);
  });

  it('above the allowance it waits for a parent; approving spends it, once', async () => {
    const asked = await childSpend(5, 'The big dragon book');
    expect(asked.data).toMatchObject({ status: 'pending_approval', amount: 5 });
    const requestId = (asked.data as SpendResult).request_id as string;
    expect((await walletOf(family.familyId)).balance).toBe(94);
    // One open request at a time.
    expectError(await childSpend(5, 'Another big one'), 'spend_request_pending');
    const month = await child.client
      .rpc('get_my_allowance')
      .single<{ pending_credits: number; pending_message: string }>();
    expect(month.data).toMatchObject({ pending_credits: 5, pending_message: 'The big dragon book' });

    // The child cannot answer; another family's parent cannot either.
    expectError(await child.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }), /./);
    expectError(await other.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }), /./);
    const approved = await family.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true });
    expect(approved.error).toBeNull();
    expect((await walletOf(family.familyId)).balance).toBe(89);
    expectError(await family.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }), /./);
    const rows = (await ledgerOf(family.familyId)).filter((r) => r.external_tx_id === `approval:${requestId}`);
    expect(rows).toEqual([expect.objectContaining({ reason: 'spend', delta: -5, actor_id: child.id })]);
    await expectInvariants([family.familyId]);
  });

  it('a denied request spends nothing; an approval the wallet cannot cover is undone', async () => {
    const denied = await childSpend(3, 'Denied one');
    await family.client.rpc('decide_approval_request', {
      p_request_id: (denied.data as SpendResult).request_id,
      p_approve: false,
    });
    expect((await walletOf(family.familyId)).balance).toBe(89);

    const big = await childSpend(95, 'Too much');
    const requestId = (big.data as SpendResult).request_id as string;
    expectError(
      await family.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: true }),
      'insufficient_credits',
    );
    const [request] = await adminQuery<{ status: string }>(
      'select status from public.approval_requests where id = $1',
      [requestId],
    );
    expect(request.status).toBe('pending');
    await family.client.rpc('decide_approval_request', { p_request_id: requestId, p_approve: false });
    expect((await walletOf(family.familyId)).balance).toBe(89);
  });

  it('an allowance of 0 with approval on asks every time; with approval off spends above it are refused', async () => {
    await setControls(child.id, { monthly_credit_allowance: 0, approval_above_allowance: true });
    expect((await childSpend(1, 'Tiny')).data).toMatchObject({ status: 'pending_approval' });
    await adminQuery(
      `update public.approval_requests set status = 'denied', decided_at = now() where child_id = $1 and status = 'pending'`,
      [child.id],
    );
    await setControls(child.id, { monthly_credit_allowance: 12, approval_above_allowance: false });
    expectError(await childSpend(2), 'allowance_exceeded', { allowance: 12, spent: 11 });
    expect((await childSpend(1)).data).toMatchObject({ status: 'spent' });
    expect((await walletOf(family.familyId)).balance).toBe(88);
  });

  it('a paused child, a child without consent and a child calling purchase are refused', async () => {
    await setControls(child.id, { paused: true, monthly_credit_allowance: 50 });
    expectError(await childSpend(1), 'child_paused');
    await setControls(child.id, { paused: false });
    const unconsented = await addChild(family, { consent: false });
    expectError(
      await unconsented.client.rpc('spend_credits', { p_amount: 1, p_memo: null, p_idempotency_key: newKey() }),
      'needs_consent',
    );
    expectError(
      await child.client.rpc('create_purchase', {
        p_kind: 'credits',
        p_code: 'starter',
        p_provider: 'sandbox',
        p_idempotency_key: newKey(),
      }),
      'not_a_parent',
    );
  });

  it('parallel spends by one child never add up past the allowance', async () => {
    const kid = await addChild(family);
    await setControls(kid.id, { monthly_credit_allowance: 10, approval_above_allowance: false });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => callAs<SpendResult>(kid.id, spendSql, [3, 'parallel', newKey()])),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.message === 'allowance_exceeded')).toBe(true);
    await expectInvariants([family.familyId]);
  });
});
