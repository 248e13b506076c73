-- Undoes 20261201142000_guest_trial.sql.
drop function if exists public.get_guest_trial();
drop function if exists public.claim_guest_trial(text);
drop function if exists private.get_guest_trial();
drop function if exists private.claim_guest_trial(text);
drop table if exists private.guest_trial_claims;
