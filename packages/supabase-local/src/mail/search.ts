import type { MailAddress, StoredMessage } from './store';

type Predicate = (message: StoredMessage) => boolean;

/** Splits on spaces, keeping "quoted phrases" (also `to:"a b"`) together, quotes dropped (tools.ArgsParser). */
function terms(query: string): string[] {
  return [...query.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, '')).filter((t) => t !== '');
}

const joined = (list: readonly MailAddress[]) =>
  list
    .map((a) => `${a.Name} <${a.Address}>`)
    .join(', ')
    .toLowerCase();

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

const fromList = (m: StoredMessage) => (m.From ? [m.From] : []);

// Prefix → the text a term with that prefix is matched against.
const FIELDS: [string, (m: StoredMessage) => string][] = [
  ['to:', (m) => joined(m.To)],
  ['from:', (m) => joined(fromList(m))],
  ['cc:', (m) => joined(m.Cc)],
  ['bcc:', (m) => joined(m.Bcc)],
  ['reply-to:', (m) => joined(m.ReplyTo)],
  ['addressed:', (m) => [m.To, m.Cc, m.Bcc, m.ReplyTo, fromList(m)].map(joined).join(', ')],
  ['subject:', (m) => m.Subject],
  ['message-id:', (m) => m.MessageID],
];

function predicate(term: string): Predicate {
  const lower = term.toLowerCase();
  if (lower === 'is:read') return (m) => m.Read;
  if (lower === 'is:unread') return (m) => !m.Read;
  for (const [prefix, field] of FIELDS) {
    if (lower.startsWith(prefix)) {
      const needle = term.slice(prefix.length);
      return (m) => contains(field(m), needle);
    }
  }
  return (m) =>
    [m.Subject, m.Text, m.HTML, joined(m.To), joined(m.Cc), joined(fromList(m))].some((field) => contains(field, term));
}

/**
 * Mailpit's search syntax, the parts a test needs: `to:`, `from:`, `cc:`, `bcc:`, `reply-to:`,
 * `addressed:`, `subject:`, `message-id:`, `is:read`/`is:unread` and free words, all of which must
 * match; a leading `-` or `!` negates a term. Matching is a case-insensitive substring, like
 * Mailpit's SQL LIKE.
 */
export function compileSearch(query: string): Predicate {
  const predicates = terms(query).map((term): Predicate => {
    if (term.length > 1 && (term.startsWith('-') || term.startsWith('!'))) {
      const positive = predicate(term.slice(1));
      return (m) => !positive(m);
    }
    return predicate(term);
  });
  return (m) => predicates.every((p) => p(m));
}
