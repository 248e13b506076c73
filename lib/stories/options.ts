import { Constants, type Enums } from '@/lib/database.types';

// Labels for the stories domain's enums, keyed by the generated types (a new value fails type-checking
// until it has a label), in the database's own order.

export const STORY_LENGTHS = Constants.public.Enums.story_length;

export const STORY_LENGTH_LABELS: Record<Enums<'story_length'>, string> = {
  short: 'Short — 3 pages a path',
  medium: 'Medium — 4 pages a path',
  long: 'Long — 5 pages a path',
};

export const REPORT_REASONS = Constants.public.Enums.story_report_reason;

export const REPORT_REASON_LABELS: Record<Enums<'story_report_reason'>, string> = {
  scary: 'Too scary',
  unkind: 'Unkind or mean',
  not_for_children: 'Not for children',
  confusing: "Doesn't make sense",
  other: 'Something else',
};

export const VISIBILITY_LABELS: Record<Enums<'story_visibility'>, string> = {
  private: 'Only me',
  family: 'Family',
  public: 'Public library',
};

export const STORY_STATUS_LABELS: Record<Enums<'story_status'>, string> = {
  generating: 'Being written',
  ready: 'Ready',
  failed: "Couldn't be written",
};
