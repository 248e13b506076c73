// The error contract's codes (see supabase/migrations/20261201090000_error_codes_and_private_rpcs.sql):
// our database functions raise SQLSTATE TF400/TF403/TF409/TF429 with MESSAGE = one of these names and
// DETAIL = a JSON object of parameters. Each maps to the sentence the person in front of the screen reads.
// supabase/tests/db/error-codes.test.ts fails when a function raises a code that has no sentence here.
type Params = Record<string, unknown>;
type Sentence = string | ((params: Params) => string);

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
} satisfies Record<string, Sentence>;

export type DbErrorCode = keyof typeof DB_ERROR_SENTENCES;

export function isDbErrorCode(code: string): code is DbErrorCode {
  return Object.hasOwn(DB_ERROR_SENTENCES, code);
}

export function sentenceFor(code: DbErrorCode, params: Params = {}): string {
  const sentence: Sentence = DB_ERROR_SENTENCES[code];
  return typeof sentence === 'function' ? sentence(params) : sentence;
}
