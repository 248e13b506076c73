// The one place dates and times are formatted for people. Always in the family's time zone: a parent
// in London and a child's tablet set to UTC must both read "locked until 19:40" as London's 19:40.
type Style = 'time' | 'date' | 'dateTime' | 'day';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  day: { weekday: 'long', day: 'numeric', month: 'long' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], timeZone });
    cache.set(key, format);
  }
  return format;
}

export function formatInFamilyZone(value: Date | string | number, timeZone: string, style: Style = 'dateTime'): string {
  return formatter(style, timeZone).format(new Date(value));
}

/** "in 1 minute", "in 15 minutes", "in 2 hours": for waits, which need no time zone at all. */
export function formatWait(until: Date | string | number, now: number = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((new Date(until).getTime() - now) / 60_000));
  if (minutes < 90) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
