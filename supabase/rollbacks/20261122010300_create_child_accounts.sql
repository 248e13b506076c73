-- Undoes 20261122010300_create_child_accounts.sql: the RPCs, the private sign-in tables, the consent
-- table, the helpers and the consent method type. Bans already set on child auth users stay: without
-- the consent records, refusing those children is the safe side.
drop function if exists public.has_parent_pin();
drop function if exists public.verify_parent_pin(text);
drop function if exists public.set_parent_pin(text);
drop function if exists public.verify_child_pin(text, text, text, text);
drop function if exists private.pin_lockout_interval(int);
drop function if exists public.set_child_pin(uuid, text);
drop function if exists public.revoke_parental_consent(uuid);
drop function if exists public.give_parental_consent(uuid, public.consent_method, text);
drop function if exists public.add_child(uuid, text, int, text, text, public.age_band);
drop table if exists private.kid_sign_in_failures;
drop table if exists private.parent_pins;
drop table if exists private.child_logins;
drop table if exists public.parental_consents;
drop function if exists private.ban_child_sign_in(uuid);
drop function if exists private.has_consent(uuid);
drop function if exists private.age_band_for(int);
drop function if exists private.check_pin(text);
drop type if exists public.consent_method;
