-- Undoes 20261201140500_idempotency_keys.sql.
drop function if exists private.purge_idempotency_keys(timestamptz);
drop function if exists private.idempotency_finish(text, jsonb);
drop function if exists private.idempotency_begin(text, text, jsonb);
drop table if exists private.idempotency_keys;
