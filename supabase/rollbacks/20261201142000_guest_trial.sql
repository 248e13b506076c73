-- Undoes 20261201142000_guest_trial.sql.
drop function if exists public.get_guest_trial();
drop function if exists public.claim_guest_trial(text);
drop function if exists private.get_guest_trial();
drop trigger if exists on_guest_converted_free_month on auth.users;
drop function if exists private.grant_converted_guest_free_month();
drop function if exists private.claim_guest_trial(text);
drop table if exists private.guest_trial_claims;
