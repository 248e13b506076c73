-- Why: the reader's one request (a story with its cast, pages and choices) checks the reader's age band
-- once per relation: the stories policy asks private.my_reading_band(), and the pages, choices and cast
-- policies see their story through the same policy. As SQL functions, my_reading_band() and what it
-- calls (child_may_at, child_day) are planned again on every call: about 1-2 ms each, 7-18 ms under load,
-- four times per request (the reader's p95 was ~62 ms against a goal of 25 ms). As PL/pgSQL they keep
-- their plans for the connection's life, so a call costs a fraction of that. The bodies are the same
-- queries, unchanged (mutants match them as text): no rule changes, only how the plans are kept.
-- `#variable_conflict use_column`: child_day's output columns are also PL/pgSQL variables, and its
-- query means the columns wherever a name could be either.

CREATE OR REPLACE FUNCTION private.child_day(p_child_id uuid, p_now timestamp with time zone)
 RETURNS TABLE(family_id uuid, local_date date, local_time time without time zone, minutes_used integer, minutes_allowed integer, in_bedtime boolean, bedtime_end time without time zone, paused boolean, consented boolean, seconds_used integer, seconds_allowed integer, time_zone text, bedtime_start time without time zone, reading_allowed boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
begin
  return query
  with ctl as (
    select pc.*, f.time_zone, (p_now at time zone f.time_zone) as local_ts
      from public.parental_controls pc
      join public.families f on f.id = pc.family_id
     where pc.child_id = p_child_id
  ), day as (
    select ctl.*,
           coalesce((select e.seconds from public.reading_time_entries e
                      where e.child_id = p_child_id and e.local_date = ctl.local_ts::date), 0) as used,
           ctl.daily_minutes + coalesce((select sum(r.minutes) from public.approval_requests r
                                          where r.child_id = p_child_id and r.kind = 'more_time'
                                            and r.status = 'approved' and r.for_date = ctl.local_ts::date), 0) as allowed
      from ctl
  )
  select
    day.family_id,
    day.local_ts::date,
    day.local_ts::time,
    -- Whole minutes read: with a limit of whole minutes, minutes_used < minutes_allowed exactly when
    -- seconds_used < seconds_allowed, so the minute and second views never disagree about "used up".
    (day.used / 60)::int,
    day.allowed::int,
    case
      when day.bedtime_start is null then false
      -- Same-day window (e.g. 13:00-15:00).
      when day.bedtime_start < day.bedtime_end
        then day.local_ts::time >= day.bedtime_start and day.local_ts::time < day.bedtime_end
      -- Window across midnight (e.g. 20:00-07:00): late evening or early morning.
      else day.local_ts::time >= day.bedtime_start or day.local_ts::time < day.bedtime_end
    end,
    day.bedtime_end,
    day.paused,
    private.has_consent(p_child_id),
    day.used::int,
    (day.allowed * 60)::int,
    day.time_zone,
    day.bedtime_start,
    day.reading_allowed
  from day;
end;
$function$;

CREATE OR REPLACE FUNCTION private.child_may_at(p_child_id uuid, p_activity public.child_activity, p_now timestamp with time zone)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (
  select coalesce((
    select d.consented and not d.paused and not d.in_bedtime
       and case p_activity
             when 'reading' then d.reading_allowed and d.seconds_used < d.seconds_allowed
             when 'creating' then pc.creating_allowed
             when 'live_sessions' then pc.live_sessions_allowed
           end
      from private.child_day(p_child_id, p_now) d
      join public.parental_controls pc on pc.child_id = p_child_id
  ), false)
  );
end;
$function$;

CREATE OR REPLACE FUNCTION private.my_reading_band()
 RETURNS public.age_band
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (
  select case
    when exists (select 1 from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'child')
      then (select pc.age_band from public.parental_controls pc
             where pc.child_id = (select auth.uid()) and private.child_may_at(pc.child_id, 'reading', now()))
    else '10-12'::public.age_band
  end
  );
end;
$function$;
