// The error contract's codes (see supabase/migrations/20261201090000_error_codes_and_private_rpcs.sql):
// our database functions raise SQLSTATE TF400/TF403/TF409/TF429 with MESSAGE = one of these names and
// DETAIL = a JSON object of parameters. Each maps to the sentence the person in front of the screen reads.
// supabase/tests/db/error-codes.test.ts fails when a function raises a code that has no sentence here.
import { formatWait } from '@/lib/format/family-time';

type Params = Record<string, unknown>;
type Sentence = string | ((params: Params) => string);

/** A TF429's retry_after (seconds) as a wait a person reads: "1 minute", "12 minutes". */
const waitOf = (p: Params) => formatWait(Date.now() + Number(p.retry_after ?? 60) * 1000);
const range = (what: string) => (p: Params) => `${what} must be between ${p.min} and ${p.max}.`;

export const DB_ERROR_SENTENCES = {
  // Who may do what.
  not_a_parent: 'Only a parent can do that.',
  not_parent_of_child: 'Only a parent of this child can do that.',
  not_parent_of_family: 'Only a parent of this family can do that.',
  not_a_child: 'Only a child account can do that.',
  child_account_invalid: "That child account can't be added.",
  child_cannot_join_family: "Child accounts can't join another family.",
  needs_consent: "A parent hasn't given consent for this account yet.",
  not_signed_in: 'Please sign in again.',

  // Family and members.
  family_name_length: 'The family name must be 1 to 80 characters long.',
  unknown_time_zone: (p) => `"${p.time_zone}" is not a time zone we know. Choose one from the list.`,
  child_name_length: "A child's name must be 1 to 40 characters long.",
  birth_year_range: (p) =>
    `Tale Forge is for children aged 4 to 12: please enter a birth year between ${p.min} and ${p.max}.`,
  child_name_taken: (p) => `There is already a child called ${p.name} in your family. Please choose another name.`,
  consent_statement_missing: 'Please say how consent was given and what you agreed to.',
  pin_format: 'A PIN is 4 to 6 digits.',
  family_has_two_parents: 'Your family already has two parents.',
  invite_invalid: "That invite code isn't valid. Ask the other parent for a new one.",
  already_family_member: "You're already a member of this family.",
  invited_family_full: 'That family already has two parents.',
  own_family_not_empty: "Your own family already has other members, so you can't join another one.",
  invite_not_open: 'That invite code has already been used, withdrawn or has expired.',
  avatar_unknown: 'Please choose one of the avatars.',
  child_deactivated: 'This child is deactivated. Reactivate them first.',
  child_not_deactivated: 'This child is already active.',

  // Family devices.
  device_name_length: (p) => `A device name must be ${p.min} to ${p.max} characters long.`,
  parent_pin_required: 'Set a parent PIN first: it is how a grown-up gets the device back from kid mode.',
  too_many_devices: (p) => `Your family already has ${p.max} family devices. Revoke one you no longer use first.`,

  // Controls.
  daily_minutes_range: range('Daily reading minutes'),
  bedtime_incomplete: 'Set both a bedtime start and a bedtime end, or neither.',
  bedtime_empty: 'Bedtime must start and end at different times.',
  credit_allowance_range: range('The monthly credit allowance'),

  // Requests (children read these). The reader's stops (paused, bedtime, limit) are not errors: the
  // heartbeat answers them as a status, worded in lib/kids/reading-status.ts.
  more_time_range: (p) => `You can ask for ${p.min} to ${p.max} more minutes.`,
  message_too_long: (p) => `Please keep your message under ${p.max} characters.`,
  decision_missing: 'Please choose approve or deny.',
  request_already_answered: 'This request has already been answered.',
  grant_minutes_range: (p) => `You can give ${p.min} to ${p.max} more minutes at a time.`,
  more_time_cooldown: (p) =>
    `A grown-up said not today. You can ask again in ${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'}.`,

  // Profiles.
  theme_unknown: 'Please choose light, dark or the same as this device.',

  // Credits: spending and the ledger.
  not_a_family_member: 'Only members of a family can do that.',
  credit_amount_range: range('The number of credits'),
  insufficient_credits: (p) => `Not enough credits: ${p.needed} needed, ${p.balance} left.`,
  wallet_not_found: "We couldn't find your family's credits.",
  ledger_insert_only: "Credit history can't be changed or deleted.",
  child_paused: 'A grown-up has paused Tale Forge for now.',
  allowance_exceeded: (p) =>
    `That's more than this month's allowance (${p.spent} of ${p.allowance} credits used), and asking a grown-up is switched off.`,
  spend_request_pending: "You're already waiting for a grown-up to answer your last request.",
  idempotency_key_invalid: 'This request is missing its safety key. Please reload the page and try again.',
  idempotency_key_reused: 'This request was already used for something else. Please reload the page and try again.',

  // Generation jobs (the stories work calls these).
  job_id_missing: 'A story job is needed to hold credits.',
  hold_timeout_range: 'A hold lasts between one second and one day.',
  job_already_reserved: 'Credits for this story are already held.',
  hold_not_found: 'No credits are held for this story.',
  hold_already_released: 'The credits for this story were already given back.',
  hold_already_captured: 'The credits for this story were already charged.',

  // Stories: characters, ordering, the graph, reading and reports (children read most of these).
  creating_not_allowed: 'Making stories is switched off right now. Ask a grown-up.',
  too_many_characters: (p) => `Your family has ${p.max} characters already. Remove one to make another.`,
  character_invalid: "That character isn't complete. Please check the name, what it is, its traits and its look.",
  character_not_found: "We couldn't find that character.",
  not_allowed_for_character: 'Only a grown-up or whoever made this character can remove it.',
  story_request_invalid: "That story request isn't complete. Please check the choices and try again.",
  story_prompt_too_long: (p) => `Please keep the story idea to ${p.max} characters.`,
  story_needs_template_or_prompt: 'Please choose a story idea or describe your own.',
  unknown_template: "We don't know that story idea. Please choose another one.",
  unknown_theme: "We don't know that theme. Please choose another one.",
  unknown_moral: "That lesson doesn't belong to the chosen theme. Please choose another one.",
  story_cast_size: (p) => `Please choose ${p.min} to ${p.max} characters.`,
  unknown_character: "One of those characters isn't available. Please choose again.",
  story_cast_names_clash: 'Two characters in one story need different names.',
  model_unavailable: "That storyteller isn't available right now. Please choose another one.",
  age_band_above_controls: (p) =>
    `Stories for older readers aren't available to you: please choose ages ${p.age_band} or younger.`,
  story_allowance_exceeded: (p) =>
    `That needs ${p.needed} credits, and ${p.spent} of this month's ${p.allowance} are used. Ask a grown-up for more.`,
  story_not_in_family: 'You can only do that with stories of your own family.',
  story_not_ready: 'This story is still being written. Please wait a moment.',
  choice_already_explored: 'That part of the story has already been written.',
  job_not_found: "We couldn't find that story job.",
  job_not_retryable: 'Only a story job that failed can be tried again.',
  job_already_running: 'This story is already being written.',
  job_not_running: 'This story job has already finished.',
  story_already_written: 'This story has already been written.',
  story_graph_invalid: "The story's pages don't fit together, so they weren't saved.",
  story_pages_invalid: "The story's pages weren't complete, so they weren't saved.",
  story_not_found: "We couldn't find that story. It may have been removed.",
  story_path_invalid: "That path doesn't belong to this story.",
  segment_not_found: "We couldn't find that page.",
  report_reason_missing: 'Please say what was wrong with the page.',
  generation_rate_limited: (p) => `That's a lot of stories in a short time! Please try again in ${waitOf(p)}.`,

  // Live sessions: joining, the host's and moderators' tools, the lobby, voting rounds and chat.
  live_session_not_found: "We couldn't find that live session.",
  live_title_length: (p) => `A session title must be ${p.min} to ${p.max} characters long.`,
  live_scheduled_start_invalid: (p) => `Please choose a start time in the future, at most ${p.max_days} days ahead.`,
  live_vote_seconds_range: (p) => `A vote lasts between ${p.min} seconds and ${Number(p.max) / 60} minutes.`,
  live_slow_seconds_range: (p) => `Slow mode can be ${p.min} to ${p.max} seconds.`,
  live_code_invalid: "That code doesn't match a live session. Please check it and try again.",
  live_code_expired: 'That live session has ended, so its code no longer works.',
  live_banned: "You can't join this live session any more.",
  live_child_outside_family: 'You can only join live sessions your own family runs. Ask a grown-up.',
  live_child_not_allowed: "Live sessions aren't allowed for you right now. Ask a grown-up.",
  live_story_above_band: "This session's story is for older readers.",
  live_story_family_only: "This session is reading a family's own story, so only that family can join right now.",
  live_not_participant: "You're not in this live session. Join it with its code first.",
  live_not_host: 'Only the host of this session can do that.',
  live_not_moderator: "Only the session's host or a moderator can do that.",
  live_not_narrator: "Only the host or a parent of the host's family in the session can do that.",
  live_role_invalid: 'A participant can be made a moderator or a viewer.',
  live_participant_not_found: "That person isn't in this session.",
  live_cannot_moderate_host: "You can't do that to the host, yourself or another moderator.",
  live_host_must_be_grown_up: 'Only a grown-up can host a live session.',
  live_session_ended: 'This live session has ended.',
  live_session_not_live: "The session hasn't started its story yet.",
  live_not_in_lobby: 'The story for this session has already been chosen.',
  live_shortlist_size: (p) => `Please choose ${p.min} to ${p.max} different stories for the vote.`,
  live_story_unusable: "One of those stories can't be read by everyone in the session. Please choose another.",
  live_story_not_on_shortlist: "That story isn't on this session's shortlist.",
  live_lobby_not_open: "The story vote isn't open.",
  live_waiting_for_page: 'The next page is still being written. Please wait a moment.',
  live_round_active: 'A vote is already running in this session.',
  live_segment_has_no_choices: 'There is nothing to vote on on this page.',
  live_round_not_found: "We couldn't find that vote.",
  live_round_closed: 'This vote has closed.',
  live_round_paused: 'This vote is paused. Please wait for it to continue.',
  live_choice_not_in_round: "That choice isn't part of this vote.",
  live_round_not_open: "This vote isn't running.",
  live_round_not_locked: 'This vote has to close before its results are shown.',
  live_round_not_revealed: 'Show the results of this vote first.',
  live_round_finished: 'This vote is already over.',
  live_round_not_paused: "This vote isn't paused.",
  live_no_tie: 'There is no tie to break in this vote.',
  live_choice_not_tied: "That choice isn't one of the tied ones.",
  live_choice_not_here: "That choice isn't on the page the session is reading.",
  live_veto_last_choice: "At least one choice has to stay, so that one can't be taken away.",
  live_results_hidden: 'The results are shown when the vote is revealed.',
  live_timeout_range: (p) => `A timeout lasts ${p.min} seconds to ${Number(p.max) / 60} minutes.`,
  live_ban_reason_length: (p) => `Please keep the reason to ${p.max} characters.`,
  live_phrase_length: (p) => `A phrase must be ${p.min} to ${p.max} characters long.`,
  live_too_many_phrases: (p) => `A session can have up to ${p.max} phrases of its own.`,
  chat_off: "Chat isn't available for you in this session.",
  chat_muted: "You've been paused from chatting for a little while.",
  chat_slow_mode: (p) => `Slow mode is on: you can send another message in ${p.retry_after} seconds.`,
  chat_message_length: (p) => `A message must be ${p.min} to ${p.max} characters long.`,
  chat_html: "Messages can't contain HTML.",
  chat_contact_details: "Messages can't contain links, phone numbers or e-mail addresses.",
  chat_emote_only: 'Only emotes can be sent in this chat right now.',
  chat_phrases_only: 'Please pick one of the phrases to chat.',
  chat_phrase_unknown: "That phrase isn't on this session's menu.",
  chat_message_not_found: "We couldn't find that message.",
  chat_message_not_held: "That message isn't waiting for review.",
  chat_report_own: "You can't report your own message.",
  chat_report_reason_length: (p) => `Please keep the reason to ${p.max} characters.`,

  // The library: rename, trash, publishing, moderation, remix, sorting.
  not_story_author: 'Only the person who made this story, or a parent, can do that.',
  story_title_length: (p) => `A story's title must be ${p.min} to ${p.max} characters long.`,
  story_in_trash: 'This story is in the trash. Restore it first.',
  story_already_in_trash: 'This story is already in the trash.',
  story_not_in_trash: "This story isn't in the trash.",
  story_is_public: 'This story is in the public library. Take it back to the family first to change it.',
  story_visibility_missing: 'Please choose who can read this story.',
  story_public_needs_review:
    'To share a story with everyone, ask for it to be made public: a moderator reads it first.',
  story_already_public: 'This story is already in the public library.',
  story_public_request_pending: 'A moderator is already reading this story. Please wait for their answer.',
  not_a_moderator: 'Only a moderator can do that.',
  public_request_not_found: "We couldn't find that request.",
  story_under_review: 'A page of this story was reported and is being rewritten. Please try again in a little while.',
  story_sort_unknown: "We don't know that order. Please choose one from the list.",

  // Purchases, plans and payments.
  package_unknown: "That credit package isn't available.",
  plan_unknown: "That plan isn't available.",
  already_subscribed: "You're already on a paid plan.",
  payment_provider_unknown: "Payments aren't set up correctly. Please try again later.",
  payment_event_invalid: 'The payment notice was incomplete.',
  purchase_not_found: "We couldn't find that purchase.",
  purchase_rate_limited: (p) => `Too many purchases were started in a short time. Please try again in ${waitOf(p)}.`,
  plan_feature_unavailable: (p) =>
    p.plan === 'guest'
      ? 'Create your free account to do that: guests can only try Tale Forge.'
      : "Your plan doesn't include that. The Family plan does.",
  plan_limit_reached: (p) => `Your plan includes ${p.limit} of those a month, and they're used up.`,

  // Guest trial.
  guest_trial_guests_only: 'The welcome credits are for guests trying Tale Forge.',
  guest_trial_already_claimed: 'The welcome credits were already claimed on this device or account.',
  device_id_invalid: "We couldn't recognise this device. Please reload the page and try again.",
} satisfies Record<string, Sentence>;

export type DbErrorCode = keyof typeof DB_ERROR_SENTENCES;

export function isDbErrorCode(code: string): code is DbErrorCode {
  return Object.hasOwn(DB_ERROR_SENTENCES, code);
}

export function sentenceFor(code: DbErrorCode, params: Params = {}): string {
  const sentence: Sentence = DB_ERROR_SENTENCES[code];
  return typeof sentence === 'function' ? sentence(params) : sentence;
}
