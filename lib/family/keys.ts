// React Query keys of the family domain. Everything under family(familyId) is invalidated when the
// family's realtime topic says something changed.
export const familyKeys = {
  all: ['family'] as const,
  family: (familyId: string) => [...familyKeys.all, familyId] as const,
  children: (familyId: string) => [...familyKeys.family(familyId), 'children'] as const,
  child: (familyId: string, childId: string) => [...familyKeys.family(familyId), 'child', childId] as const,
  requests: (familyId: string) => [...familyKeys.family(familyId), 'requests'] as const,
  /** The activity list: the whole family's, or one child's. */
  activity: (familyId: string, childId: string | null = null) =>
    [...familyKeys.family(familyId), 'activity', childId ?? 'all'] as const,
};
