// React Query keys of the signed-in child's own screens; invalidated by the child's realtime topic.
export const kidKeys = {
  all: ['kid'] as const,
  me: (childId: string) => [...kidKeys.all, childId] as const,
  day: (childId: string) => [...kidKeys.me(childId), 'day'] as const,
  moreTime: (childId: string, date: string) => [...kidKeys.me(childId), 'more-time', date] as const,
};
