import type { ChatMessage } from './queries';

// The chat's pages as React Query holds them: pages[0] is the newest page, each page oldest first.

/** Puts a fetched message in its place (replacing an older copy) or, when RLS hides it now, takes it out. */
export function upsertMessage(pages: ChatMessage[][], id: string, message: ChatMessage | null): ChatMessage[][] {
  const found = pages.some((page) => page.some((m) => m.id === id));
  if (found) {
    return pages.map((page) =>
      message ? page.map((m) => (m.id === id ? message : m)) : page.filter((m) => m.id !== id),
    );
  }
  if (!message) return pages;
  const [newest = [], ...older] = pages;
  return [[...newest, message], ...older];
}

/** Every loaded message, oldest first. */
export function chronological(pages: ChatMessage[][]): ChatMessage[] {
  return [...pages].reverse().flat();
}
