import pg from 'pg';
import { createBuiltinProvider, LIBRARY_CHARACTERS } from '@/lib/story-engine';

// A public story in the library, for the tests that read one. Written by the real engine and stored
// through private.import_story, the checked writer the seed's demo library uses: a fresh one per test,
// so no test depends on another's data. The title carries a tag the test can search for. As the
// platform's superuser: private functions are not the API roles' to call.
export async function addLibraryStory({
  ageBand,
  tag,
  seed = 11,
}: {
  ageBand: '4-6' | '7-9' | '10-12';
  tag: string;
  seed?: number;
}): Promise<{ id: string; title: string }> {
  const { story } = await createBuiltinProvider().generateStory({
    ageBand,
    length: 'short',
    templateId: 'dragon-dark',
    prompt: null,
    characters: [LIBRARY_CHARACTERS[0], LIBRARY_CHARACTERS[1]],
    themeId: 'courage',
    moralId: null,
    seed,
  });
  const title = `${story.title} ${tag}`;
  const client = new pg.Client({
    connectionString: `postgresql://supabase_admin:postgres@127.0.0.1:${process.env.E2E_DB_PORT}/postgres`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "select private.import_story($1::jsonb, null, null, 'public') as id",
      [JSON.stringify({ ...story, title })],
    );
    return { id: rows[0].id, title };
  } finally {
    await client.end();
  }
}
