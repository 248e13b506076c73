// Avatars are picked from a fixed set and stored as "avatar:<name>" (no uploads for children).
export const AVATARS = {
  fox: '🦊',
  owl: '🦉',
  bear: '🐻',
  cat: '🐱',
  dragon: '🐲',
  rabbit: '🐰',
} as const;

export function avatarEmoji(avatarUrl: string | null | undefined): string {
  const key = avatarUrl?.startsWith('avatar:') ? avatarUrl.slice('avatar:'.length) : '';
  return AVATARS[key as keyof typeof AVATARS] ?? '📚';
}
