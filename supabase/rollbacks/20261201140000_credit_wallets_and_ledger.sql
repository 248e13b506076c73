-- Undoes 20261201140000_credit_wallets_and_ledger.sql.
drop function if exists private.release_expired_holds(timestamptz);
drop function if exists private.expire_granted_credits(timestamptz);
drop function if exists private.release_credits(uuid, text);
drop function if exists private.capture_credits(uuid);
drop function if exists private.reserve_credits(uuid, uuid, int, uuid, interval);
drop function if exists private.debit_wallet(uuid, public.credit_reason, int, uuid, text, text, uuid);
drop function if exists private.credit_wallet(uuid, public.credit_reason, int, int, uuid, text, text, timestamptz, uuid);
drop function if exists private.expire_wallet_grants(uuid, timestamptz);
drop function if exists private.broadcast_credits_change();
drop function if exists private.announce_wallet_change(uuid);
drop trigger if exists create_family_wallet on public.families;
drop function if exists private.create_family_wallet();
drop table if exists public.credit_holds;
drop type if exists public.credit_hold_status;
drop table if exists public.credit_grants;
-- Dropping the table is the one way its rows go; the insert-only trigger goes with it.
drop table if exists public.credit_ledger;
drop function if exists private.refuse_ledger_change();
drop table if exists public.wallets;
drop type if exists public.credit_reason;
