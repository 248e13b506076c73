-- Undoes 20261201141000_plans_and_subscriptions.sql.
drop function if exists public.get_my_plan();
drop function if exists private.get_my_plan();
drop function if exists private.require_plan_feature(uuid, text, int);
drop function if exists private.family_plan(uuid);
drop table if exists public.subscriptions;
drop type if exists public.subscription_status;
drop table if exists public.plan_features;
drop table if exists public.plans;
