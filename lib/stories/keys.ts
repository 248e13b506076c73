// React Query keys of the stories domain. A job's key is patched by its realtime topic (job:<id>);
// the library keys are invalidated when a job of the family finishes.
export const storyKeys = {
  all: ['stories'] as const,
  job: (jobId: string) => [...storyKeys.all, 'job', jobId] as const,
  story: (storyId: string) => [...storyKeys.all, 'story', storyId] as const,
  provenance: (segmentId: string) => [...storyKeys.all, 'provenance', segmentId] as const,
  library: (scope: string) => [...storyKeys.all, 'library', scope] as const,
  catalogue: () => [...storyKeys.all, 'catalogue'] as const,
};
