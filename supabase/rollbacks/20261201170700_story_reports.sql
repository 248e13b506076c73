-- Undoes 20261201170700_story_reports.sql.
drop function if exists public.report_segment(uuid, public.story_report_reason, text);
drop function if exists private.complete_rewrite(uuid, jsonb, jsonb, jsonb);
drop function if exists private.report_segment(uuid, public.story_report_reason, text);
drop table if exists public.story_reports;
drop type if exists public.story_report_status;
drop type if exists public.story_report_reason;
drop function if exists private.is_moderator();
drop table if exists private.moderators;
