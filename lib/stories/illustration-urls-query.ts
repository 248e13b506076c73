import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

// Where a page's picture can be loaded from. The worker stores "<bucket>/<object key>": the library's
// own pictures are in the public story-covers bucket (a plain URL), a family's in the private
// story-media bucket (a signed URL, signed as the reader, so Storage's RLS decides).

const SIGNED_FOR_SECONDS = 60 * 60;

/** {illustration path: URL} for the paths the caller may see; a path it may not see is left out. */
export async function getIllustrationUrls(
  supabase: SupabaseClient<Database>,
  { paths }: { paths: (string | null)[] },
): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  const privateKeys: string[] = [];
  for (const path of new Set(paths.filter((p): p is string => Boolean(p)))) {
    const [bucket, ...rest] = path.split('/');
    const key = rest.join('/');
    if (bucket === 'story-covers') urls[path] = supabase.storage.from(bucket).getPublicUrl(key).data.publicUrl;
    else if (bucket === 'story-media') privateKeys.push(key);
  }
  if (privateKeys.length) {
    const { data, error } = await supabase.storage
      .from('story-media')
      .createSignedUrls(privateKeys, SIGNED_FOR_SECONDS);
    if (error) throw error;
    for (const signed of data ?? []) {
      if (signed.signedUrl && signed.path) urls[`story-media/${signed.path}`] = signed.signedUrl;
    }
  }
  return urls;
}
