import pg from 'pg';
import { createBuiltinProvider, LIBRARY_CHARACTERS } from '@/lib/story-engine';

// Arrangements the library tests need that no page offers: a ready story in a parent's family (written
// by the real engine, stored through private.import_story like the seed's), and a moderator (operators
// add them in SQL). As the platform's superuser.
async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: `postgresql://supabase_admin:postgres@127.0.0.1:${process.env.E2E_DB_PORT}/postgres`,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A ready family story of the parent with this e-mail; its title carries the tag. */
export async function addFamilyStory(email: string, tag: string, seed = 17): Promise<{ id: string; title: string }> {
  const { story } = await createBuiltinProvider().generateStory({
    ageBand: '7-9',
    length: 'short',
    templateId: 'lost-pet',
    prompt: null,
    characters: [LIBRARY_CHARACTERS[0], LIBRARY_CHARACTERS[1]],
    themeId: 'friendship',
    moralId: null,
    seed,
  });
  const title = `${story.title} ${tag}`;
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `select private.import_story($1::jsonb, fm.family_id, u.id, 'family') as id
         from auth.users u join public.family_members fm on fm.user_id = u.id
        where u.email = $2 and fm.role = 'parent'`,
      [JSON.stringify({ ...story, title }), email],
    );
    if (!rows[0]) throw new Error(`no parent ${email}`);
    return { id: rows[0].id, title };
  });
}

export async function makeModerator(email: string): Promise<void> {
  await withAdmin((client) =>
    client.query('insert into private.moderators (user_id) select id from auth.users where email = $1', [email]),
  );
}
