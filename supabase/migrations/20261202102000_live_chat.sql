-- Why: a live session chats beside the story. Every rule is enforced here, in send_chat_message(), not
-- in a browser: at most 500 characters, no HTML from anyone, slow mode (N seconds between two messages
-- of one participant), the session's mode (off, filtered, held for review, phrases only, emote only),
-- a word filter that holds flagged messages for a moderator, timeouts and bans.
--
-- Children: their chat level from parental_controls ALWAYS wins over the session's mode when it is
-- stricter. Strictness, strictest first: off > emote only > phrases only > held for review > filtered.
-- A child at 'phrases' picks from the phrase menu (built-in phrases plus the ones the family narrator
-- adds); at 'held_for_review' every message waits for a moderator; at 'filtered' free text goes through
-- the word filter. A child's free text never carries a link, a phone number or an e-mail address
-- (refused, chat_contact_details) — whatever the session's mode.
-- History is paginated through the API (order by created_at, id; RLS decides what a participant sees):
-- visible messages for everyone, their own held ones for the sender, everything for moderators.

create type public.chat_message_kind as enum ('text', 'phrase', 'emote');
comment on type public.chat_message_kind is 'What a chat message is: free text, a phrase from the menu, or emotes only.';

create table public.session_phrases (
  id uuid primary key default gen_random_uuid(),
  session_id uuid references public.live_sessions (id) on delete cascade,
  text text not null constraint session_phrases_text_length check (char_length(text) between 1 and 60),
  added_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

comment on table public.session_phrases is 'The safe phrase menu for phrase-only chat: built-in phrases (session_id null, from migrations) and the phrases a session''s narrator added.';
comment on column public.session_phrases.session_id is 'The session the narrator added it to; null for the built-in menu every session has.';

create index idx_session_phrases_session_id on public.session_phrases (session_id);
create index idx_session_phrases_added_by on public.session_phrases (added_by);
create unique index idx_session_phrases_session_id_text on public.session_phrases (coalesce(session_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(text));

insert into public.session_phrases (text) values
  ('Hello!'), ('Wow!'), ('I like this!'), ('Oh no!'), ('Let''s go!'), ('That''s funny!'), ('I''m a bit scared!'),
  ('Good choice!'), ('What happens next?'), ('Yay!'), ('Thank you!'), ('Bye!');

create table public.chat_messages (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  participant_id uuid not null,
  sender_id uuid not null references auth.users (id) on delete cascade,
  kind public.chat_message_kind not null,
  body text not null constraint chat_messages_body_length check (char_length(body) between 1 and 500),
  phrase_id uuid references public.session_phrases (id) on delete set null,
  held boolean not null default false,
  held_reason text constraint chat_messages_held_reason check (held_reason in ('review', 'filter', 'reports')),
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  reported_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint chat_messages_participant_fkey foreign key (session_id, participant_id)
    references public.session_participants (session_id, id) on delete cascade,
  constraint chat_messages_phrase_is_phrase check (phrase_id is null or kind = 'phrase')
);

comment on table public.chat_messages is 'A live session''s chat: written only by send_chat_message() (limits, modes, filter, children''s chat level), moderated by its host and moderators. Soft-deleted, never removed.';
comment on column public.chat_messages.held is 'Held for review: only its sender and the moderators see it until a moderator approves it.';
comment on column public.chat_messages.held_reason is 'Why it is held: the mode or the child''s level (review), the word filter (filter), or reports from participants (reports).';
comment on column public.chat_messages.reported_at is 'When a participant first reported it (chat_reports holds each report).';
comment on column public.chat_messages.deleted_at is 'Removed by a moderator or its sender: hidden from participants, kept for the moderators.';

create index idx_chat_messages_session_id_created_at on public.chat_messages (session_id, created_at desc, id desc);
create index idx_chat_messages_session_id_participant_id on public.chat_messages (session_id, participant_id);
create index idx_chat_messages_sender_id on public.chat_messages (sender_id);
create index idx_chat_messages_phrase_id on public.chat_messages (phrase_id);
create index idx_chat_messages_reviewed_by on public.chat_messages (reviewed_by);
create index idx_chat_messages_deleted_by on public.chat_messages (deleted_by);

create trigger set_chat_messages_updated_at
before update on public.chat_messages
for each row execute function public.set_updated_at();

create table public.chat_reports (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references public.chat_messages (id) on delete cascade,
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  reporter_id uuid not null references auth.users (id) on delete cascade,
  reason text not null default '' constraint chat_reports_reason_length check (char_length(reason) <= 200),
  created_at timestamptz not null default now(),
  constraint chat_reports_message_id_reporter_id_key unique (message_id, reporter_id)
);

comment on table public.chat_reports is 'Participants'' reports of chat messages (one per reporter and message); three hold the message for review. Read by the session''s moderators and the reporter.';

create index idx_chat_reports_session_id on public.chat_reports (session_id);
create index idx_chat_reports_reporter_id on public.chat_reports (reporter_id);

-- Checks on text -----------------------------------------------------------------------------------
create function private.chat_has_html(p_text text)
returns boolean
language sql
immutable
set search_path = ''
as $$ select p_text ~ '<[[:alpha:]/!?]' or p_text ~* '&(#[0-9]+|#x[0-9a-f]+|[a-z]+);'; $$;
comment on function private.chat_has_html(text) is 'True when the text holds an HTML tag, comment or entity.';

-- Links, e-mail addresses and phone numbers (7+ digits, separators allowed) in what a child writes.
create function private.chat_has_contact_details(p_text text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_text ~* '(https?://|www\.|[[:alnum:]-]+\.(com|net|org|info|biz|io|co|uk|de|fr|nl|es|it|app|dev|me|tv|gg|ly|xyz|site|online)(\M|/))'
      or p_text ~* '[[:alnum:]._%+-]+@[[:alnum:]-]+(\.[[:alnum:]-]+)+'
      or p_text ~ '[0-9]([ ().+-]*[0-9]){6,}';
$$;
comment on function private.chat_has_contact_details(text) is 'True when the text holds a link, an e-mail address or a phone number (7 or more digits).';

-- The word filter: whole words only (so "Scunthorpe" passes), case-insensitive.
create function private.chat_is_flagged(p_text text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_text ~* '\m(stupid|idiot|dumb|shut up|hate you|kill|damn|hell|crap|loser|ugly|fat|sexy|naked|address|password)\M';
$$;
comment on function private.chat_is_flagged(text) is 'The word filter: true when the text holds a word that sends it to review.';

-- Emotes only: no letters and no digits (emoji, hearts, "!!!").
create function private.chat_is_emote(p_text text)
returns boolean
language sql
immutable
set search_path = ''
as $$ select p_text !~ '[[:alnum:]]' and char_length(p_text) <= 32; $$;
comment on function private.chat_is_emote(text) is 'True for a short message of emotes and symbols only (no letters or digits).';

-- The mode that applies to the sender: the stricter of the session's and, for a child, their level.
create function private.effective_chat_mode(p_session public.live_sessions, p_user_id uuid)
returns public.live_chat_mode
language sql
stable
security definer
set search_path = ''
as $$
  with modes (mode, strictness) as (
    values ('off'::public.live_chat_mode, 0), ('emote_only', 1), ('phrases_only', 2), ('held_for_review', 3), ('filtered', 4)
  ),
  candidates as (
    select p_session.chat_mode as mode
    union all
    select case pc.chat_level
             when 'off' then 'off'::public.live_chat_mode
             when 'phrases' then 'phrases_only'
             when 'held_for_review' then 'held_for_review'
             when 'filtered' then 'filtered'
           end
      from public.parental_controls pc where pc.child_id = p_user_id
  )
  select m.mode from candidates c join modes m on m.mode = c.mode order by m.strictness limit 1;
$$;
comment on function private.effective_chat_mode(public.live_sessions, uuid) is 'The chat mode for that sender: the session''s, or the child''s own chat level when it is stricter (off > emote only > phrases only > held > filtered).';

revoke execute on function private.chat_has_html(text), private.chat_has_contact_details(text), private.chat_is_flagged(text),
  private.chat_is_emote(text), private.effective_chat_mode(public.live_sessions, uuid) from public;

-- Send -----------------------------------------------------------------------------------------------
create function private.send_chat_message(p_session_id uuid, p_body text default null, p_phrase_id uuid default null)
returns public.chat_messages
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_session public.live_sessions%rowtype;
  v_me public.session_participants%rowtype;
  v_mode public.live_chat_mode;
  v_is_child boolean;
  v_body text;
  v_kind public.chat_message_kind;
  v_held_reason text;
  v_message public.chat_messages%rowtype;
begin
  select * into v_session from public.live_sessions s where s.id = p_session_id;
  if not found then
    perform private.raise_error('TF403', 'live_session_not_found');
  end if;
  perform private.live_me(p_session_id);
  -- The participant row serialises one person's messages: slow mode cannot be beaten by sending in parallel.
  select * into v_me from public.session_participants p where p.session_id = p_session_id and p.user_id = v_user_id for update;
  perform private.require_live_not_ended(v_session);
  v_is_child := exists (select 1 from public.family_members fm where fm.user_id = v_user_id and fm.role = 'child');
  v_mode := private.effective_chat_mode(v_session, v_user_id);
  if v_mode = 'off' then
    perform private.raise_error('TF403', 'chat_off');
  end if;
  if v_me.muted_until > now() then
    perform private.raise_error('TF403', 'chat_muted', jsonb_build_object('until', v_me.muted_until));
  end if;
  if v_session.chat_slow_seconds > 0 and v_me.last_message_at > now() - make_interval(secs => v_session.chat_slow_seconds) then
    perform private.raise_error('TF429', 'chat_slow_mode', jsonb_build_object(
      'retry_after', ceil(extract(epoch from v_me.last_message_at + make_interval(secs => v_session.chat_slow_seconds) - now()))::int));
  end if;

  if p_phrase_id is not null then
    if v_mode = 'emote_only' then
      perform private.raise_error('TF403', 'chat_emote_only');
    end if;
    select ph.text into v_body from public.session_phrases ph
     where ph.id = p_phrase_id and (ph.session_id is null or ph.session_id = p_session_id);
    if v_body is null then
      perform private.raise_error('TF400', 'chat_phrase_unknown');
    end if;
    v_kind := 'phrase';
  else
    v_body := btrim(coalesce(p_body, ''));
    if char_length(v_body) not between 1 and 500 then
      perform private.raise_error('TF400', 'chat_message_length', '{"min":1,"max":500}');
    end if;
    if private.chat_has_html(v_body) then
      perform private.raise_error('TF400', 'chat_html');
    end if;
    if private.chat_is_emote(v_body) then
      v_kind := 'emote';
    elsif v_mode = 'emote_only' then
      perform private.raise_error('TF403', 'chat_emote_only');
    elsif v_mode = 'phrases_only' then
      perform private.raise_error('TF403', 'chat_phrases_only');
    else
      v_kind := 'text';
      if v_is_child and private.chat_has_contact_details(v_body) then
        perform private.raise_error('TF400', 'chat_contact_details');
      end if;
      if v_mode = 'held_for_review' then
        v_held_reason := 'review';
      elsif private.chat_is_flagged(v_body) then
        v_held_reason := 'filter';
      end if;
    end if;
  end if;

  insert into public.chat_messages (session_id, participant_id, sender_id, kind, body, phrase_id, held, held_reason)
  values (p_session_id, v_me.id, v_user_id, v_kind, v_body, case when v_kind = 'phrase' then p_phrase_id end,
          v_held_reason is not null, v_held_reason)
  returning * into v_message;
  update public.session_participants p set last_message_at = now() where p.id = v_me.id;
  return v_message;
end;
$$;
comment on function private.send_chat_message(uuid, text, uuid) is 'Present participant: sends free text (p_body) or a menu phrase (p_phrase_id) under the session''s mode, the child''s chat level, slow mode, timeouts, the HTML and contact-detail rules and the word filter (flagged or reviewed messages are held).';

-- Moderation -----------------------------------------------------------------------------------------
-- A message and its session's moderator check; the sender may remove their own message.
create function private.delete_chat_message(p_message_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_message public.chat_messages%rowtype;
begin
  select * into v_message from public.chat_messages m where m.id = p_message_id for update;
  if not found or not private.is_session_participant(v_message.session_id) then
    perform private.raise_error('TF403', 'chat_message_not_found');
  end if;
  if v_message.sender_id <> (select auth.uid()) then
    perform private.require_live_moderator(v_message.session_id);
  end if;
  update public.chat_messages m set deleted_at = coalesce(m.deleted_at, now()), deleted_by = coalesce(m.deleted_by, (select auth.uid()))
   where m.id = p_message_id;
end;
$$;
comment on function private.delete_chat_message(uuid) is 'Moderator, or the sender for their own message: removes it from the chat (soft delete).';

create function private.review_chat_message(p_message_id uuid, p_approve boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_message public.chat_messages%rowtype;
begin
  select * into v_message from public.chat_messages m where m.id = p_message_id for update;
  if not found or not private.is_session_participant(v_message.session_id) then
    perform private.raise_error('TF403', 'chat_message_not_found');
  end if;
  perform private.require_live_moderator(v_message.session_id);
  if not v_message.held or v_message.deleted_at is not null then
    perform private.raise_error('TF409', 'chat_message_not_held');
  end if;
  update public.chat_messages m
     set held = not coalesce(p_approve, false), reviewed_by = (select auth.uid()), reviewed_at = now(),
         deleted_at = case when coalesce(p_approve, false) then null else now() end,
         deleted_by = case when coalesce(p_approve, false) then null else (select auth.uid()) end
   where m.id = p_message_id;
end;
$$;
comment on function private.review_chat_message(uuid, boolean) is 'Moderator: approves a held message (everyone sees it) or rejects it (removed).';

-- The target of a timeout or ban: present in the session, not the host; moderators only by the host.
create function private.live_moderation_target(p_session_id uuid, p_user_id uuid)
returns public.session_participants
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype := private.require_live_moderator(p_session_id);
  v_target public.session_participants%rowtype;
begin
  select * into v_target from public.session_participants p
   where p.session_id = p_session_id and p.user_id = p_user_id and p.banned_at is null
  for update;
  if not found then
    perform private.raise_error('TF409', 'live_participant_not_found');
  end if;
  if v_target.role = 'host' or v_target.id = v_me.id or (v_target.role = 'moderator' and v_me.role <> 'host') then
    perform private.raise_error('TF403', 'live_cannot_moderate_host');
  end if;
  return v_target;
end;
$$;
comment on function private.live_moderation_target(uuid, uuid) is 'For timeouts and bans: the target participant (locked); never the host or oneself, a moderator only by the host.';

create function private.timeout_participant(p_session_id uuid, p_user_id uuid, p_seconds int)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_target public.session_participants%rowtype;
  v_until timestamptz;
begin
  perform private.lock_live_session(p_session_id);
  v_target := private.live_moderation_target(p_session_id, p_user_id);
  if p_seconds is null or p_seconds not between 10 and 3600 then
    perform private.raise_error('TF400', 'live_timeout_range', '{"min":10,"max":3600}');
  end if;
  v_until := now() + make_interval(secs => p_seconds);
  update public.session_participants p set muted_until = v_until where p.id = v_target.id;
  return v_until;
end;
$$;
comment on function private.timeout_participant(uuid, uuid, int) is 'Moderator: no chat for that participant for 10 s to 1 h. Returns until when.';

create function private.ban_participant(p_session_id uuid, p_user_id uuid, p_reason text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_target public.session_participants%rowtype;
begin
  perform private.lock_live_session(p_session_id);
  v_target := private.live_moderation_target(p_session_id, p_user_id);
  if char_length(coalesce(p_reason, '')) > 200 then
    perform private.raise_error('TF400', 'live_ban_reason_length', '{"max":200}');
  end if;
  update public.session_participants p
     set banned_at = now(), banned_by = (select auth.uid()), ban_reason = nullif(btrim(p_reason), ''),
         left_at = coalesce(p.left_at, now()), role = 'viewer'
   where p.id = v_target.id;
end;
$$;
comment on function private.ban_participant(uuid, uuid, text) is 'Moderator: bans a participant from the session for good (out now, cannot rejoin, reads nothing of it).';

create function private.report_chat_message(p_message_id uuid, p_reason text default '')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_message public.chat_messages%rowtype;
begin
  select * into v_message from public.chat_messages m where m.id = p_message_id for update;
  if not found or v_message.deleted_at is not null or not private.is_session_participant(v_message.session_id)
     or (v_message.held and v_message.sender_id <> (select auth.uid())) then
    perform private.raise_error('TF403', 'chat_message_not_found');
  end if;
  perform private.live_me(v_message.session_id);
  if v_message.sender_id = (select auth.uid()) then
    perform private.raise_error('TF409', 'chat_report_own');
  end if;
  if char_length(coalesce(p_reason, '')) > 200 then
    perform private.raise_error('TF400', 'chat_report_reason_length', '{"max":200}');
  end if;
  insert into public.chat_reports (message_id, session_id, reporter_id, reason)
  values (p_message_id, v_message.session_id, (select auth.uid()), btrim(coalesce(p_reason, '')))
  on conflict (message_id, reporter_id) do nothing;
  -- Three different people reporting it take it out of the chat until a moderator looks.
  update public.chat_messages m
     set reported_at = coalesce(m.reported_at, now()),
         held = m.held or (select count(*) from public.chat_reports r where r.message_id = m.id) >= 3,
         held_reason = case when not m.held and (select count(*) from public.chat_reports r where r.message_id = m.id) >= 3
                            then 'reports' else m.held_reason end
   where m.id = p_message_id;
end;
$$;
comment on function private.report_chat_message(uuid, text) is 'Participant: reports someone else''s message (once each); the third report holds it for review.';

create function private.add_session_phrase(p_session_id uuid, p_text text)
returns public.session_phrases
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_text text := btrim(coalesce(p_text, ''));
  v_phrase public.session_phrases%rowtype;
begin
  perform private.require_live_host_or_narrator(v_session);
  perform private.require_live_not_ended(v_session);
  if char_length(v_text) not between 1 and 60 then
    perform private.raise_error('TF400', 'live_phrase_length', '{"min":1,"max":60}');
  end if;
  -- Children send these: the same rules as a child's own text.
  if private.chat_has_html(v_text) or private.chat_has_contact_details(v_text) then
    perform private.raise_error('TF400', 'chat_contact_details');
  end if;
  if (select count(*) from public.session_phrases ph where ph.session_id = p_session_id) >= 30 then
    perform private.raise_error('TF409', 'live_too_many_phrases', '{"max":30}');
  end if;
  insert into public.session_phrases (session_id, text, added_by) values (p_session_id, v_text, (select auth.uid()))
  on conflict do nothing
  returning * into v_phrase;
  if v_phrase.id is null then
    select * into v_phrase from public.session_phrases ph where ph.session_id = p_session_id and lower(ph.text) = lower(v_text);
  end if;
  return v_phrase;
end;
$$;
comment on function private.add_session_phrase(uuid, text) is 'Host or family narrator: adds a phrase to the session''s phrase menu (1-60 characters, no links, up to 30).';

revoke execute on function private.send_chat_message(uuid, text, uuid), private.delete_chat_message(uuid),
  private.review_chat_message(uuid, boolean), private.live_moderation_target(uuid, uuid),
  private.timeout_participant(uuid, uuid, int), private.ban_participant(uuid, uuid, text),
  private.report_chat_message(uuid, text), private.add_session_phrase(uuid, text) from public;
grant execute on function private.send_chat_message(uuid, text, uuid), private.delete_chat_message(uuid),
  private.review_chat_message(uuid, boolean), private.timeout_participant(uuid, uuid, int),
  private.ban_participant(uuid, uuid, text), private.report_chat_message(uuid, text),
  private.add_session_phrase(uuid, text) to authenticated;

-- The API --------------------------------------------------------------------------------------------
create function public.send_chat_message(p_session_id uuid, p_body text default null, p_phrase_id uuid default null)
returns public.chat_messages
language sql
security invoker
set search_path = ''
as $$ select private.send_chat_message(p_session_id, p_body, p_phrase_id); $$;
comment on function public.send_chat_message(uuid, text, uuid) is 'Participant: sends a chat message (text, emotes, or a menu phrase) under the session''s and the child''s rules.';

create function public.delete_chat_message(p_message_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.delete_chat_message(p_message_id); $$;
comment on function public.delete_chat_message(uuid) is 'Moderator or sender: removes a chat message.';

create function public.review_chat_message(p_message_id uuid, p_approve boolean)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.review_chat_message(p_message_id, p_approve); $$;
comment on function public.review_chat_message(uuid, boolean) is 'Moderator: approves or rejects a held message.';

create function public.timeout_participant(p_session_id uuid, p_user_id uuid, p_seconds int)
returns timestamptz
language sql
security invoker
set search_path = ''
as $$ select private.timeout_participant(p_session_id, p_user_id, p_seconds); $$;
comment on function public.timeout_participant(uuid, uuid, int) is 'Moderator: mutes a participant for 10 s to 1 h.';

create function public.ban_participant(p_session_id uuid, p_user_id uuid, p_reason text default null)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.ban_participant(p_session_id, p_user_id, p_reason); $$;
comment on function public.ban_participant(uuid, uuid, text) is 'Moderator: bans a participant from the session.';

create function public.report_chat_message(p_message_id uuid, p_reason text default '')
returns void
language sql
security invoker
set search_path = ''
as $$ select private.report_chat_message(p_message_id, p_reason); $$;
comment on function public.report_chat_message(uuid, text) is 'Participant: reports a chat message.';

create function public.add_session_phrase(p_session_id uuid, p_text text)
returns public.session_phrases
language sql
security invoker
set search_path = ''
as $$ select private.add_session_phrase(p_session_id, p_text); $$;
comment on function public.add_session_phrase(uuid, text) is 'Host or family narrator: adds a phrase to the session''s menu.';

revoke execute on function public.send_chat_message(uuid, text, uuid), public.delete_chat_message(uuid),
  public.review_chat_message(uuid, boolean), public.timeout_participant(uuid, uuid, int),
  public.ban_participant(uuid, uuid, text), public.report_chat_message(uuid, text),
  public.add_session_phrase(uuid, text) from public, anon;
grant execute on function public.send_chat_message(uuid, text, uuid), public.delete_chat_message(uuid),
  public.review_chat_message(uuid, boolean), public.timeout_participant(uuid, uuid, int),
  public.ban_participant(uuid, uuid, text), public.report_chat_message(uuid, text),
  public.add_session_phrase(uuid, text) to authenticated;

-- Access ---------------------------------------------------------------------------------------------
revoke all on table public.session_phrases, public.chat_messages, public.chat_reports from anon, authenticated, service_role;
grant select on table public.session_phrases, public.chat_messages, public.chat_reports to authenticated, service_role;

alter table public.session_phrases enable row level security;
alter table public.chat_messages enable row level security;
alter table public.chat_reports enable row level security;

create policy "Signed-in users can read the built-in phrases and their sessions' phrases"
on public.session_phrases
for select
to authenticated
using (session_id is null or private.is_session_participant(session_id));

create policy "Participants can read their session's chat; moderators also what is held or removed"
on public.chat_messages
for select
to authenticated
using (
  private.is_session_moderator(session_id)
  or (private.is_session_participant(session_id) and deleted_at is null
      and (not held or sender_id = (select auth.uid())))
);

create policy "Moderators and reporters can read chat reports"
on public.chat_reports
for select
to authenticated
using (reporter_id = (select auth.uid()) or private.is_session_moderator(session_id));
