// Avatars are picked from a fixed set and stored as "avatar:<name>" (no uploads for children). The
// database accepts the same names (private.is_known_avatar).
export const AVATARS = {
  fox: '🦊',
  owl: '🦉',
  bear: '🐻',
  cat: '🐱',
  dragon: '🐲',
  rabbit: '🐰',
} as const;

export type AvatarKey = keyof typeof AVATARS;
export const AVATAR_KEYS = Object.keys(AVATARS) as [AvatarKey, ...AvatarKey[]];

export function avatarKey(avatarUrl: string | null | undefined): AvatarKey | null {
  const key = avatarUrl?.startsWith('avatar:') ? avatarUrl.slice('avatar:'.length) : '';
  return key in AVATARS ? (key as AvatarKey) : null;
}

export function avatarEmoji(avatarUrl: string | null | undefined): string {
  const key = avatarKey(avatarUrl);
  return key ? AVATARS[key] : '📚';
}
