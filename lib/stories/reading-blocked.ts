// Why a child cannot read right now, in their words, from the database's reading day (the same
// states /kids/read shows); null while they may read.
type Day = { paused: boolean; in_bedtime: boolean; reading_allowed: boolean; minutes_left: number } | null;

export function readingBlockedText(day: Day): string | null {
  if (!day) return 'A grown-up needs to finish setting up your account.';
  if (day.paused) return 'A grown-up has paused reading for now.';
  if (!day.reading_allowed) return 'Reading is switched off right now.';
  if (day.in_bedtime) return "It's bedtime. Sweet dreams! 🌙";
  if (day.minutes_left <= 0) return "Today's reading time is used up. You can ask a grown-up for more time.";
  return null;
}
