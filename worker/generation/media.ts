import { assertSafeSvg } from '@/lib/stories/safe-svg';
import { createWorkerClient, type WorkerStorageSettings } from '@/lib/supabase/worker';
import { MediaUnavailableError } from './failure';

/** Where the worker puts pictures: one call per picture, "<bucket>/<object key>" paths. */
export interface StoryMedia {
  putSvg(path: string, svg: string): Promise<void>;
}

/**
 * A page's picture: in the family's private folder of story-media, or for the library's own stories
 * (no family) in the public story-covers bucket. The path is what story_segments.illustration_path holds.
 */
export function illustrationPath(story: { id: string; familyId: string | null }, segmentKey: string): string {
  const file = `${segmentKey}.svg`;
  return story.familyId
    ? `story-media/${story.familyId}/${story.id}/${file}`
    : `story-covers/library/${story.id}/${file}`;
}

export function storageMedia(settings: WorkerStorageSettings | null): StoryMedia {
  const client = settings ? createWorkerClient(settings) : null;
  return {
    async putSvg(path, svg) {
      if (!client) throw new MediaUnavailableError();
      assertSafeSvg(svg);
      const [bucket, ...rest] = path.split('/');
      // Upsert: a retried job writes the same picture again instead of failing on the first copy.
      const { error } = await client.storage
        .from(bucket)
        .upload(rest.join('/'), new Blob([svg], { type: 'image/svg+xml' }), {
          contentType: 'image/svg+xml',
          cacheControl: '3600',
          upsert: true,
        });
      if (error) throw new Error(`storing ${path} failed: ${error.message}`);
    },
  };
}
