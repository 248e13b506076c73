import { adminQuery } from './admin-db';
import { writtenStory } from './library-story';

// Arrangements the library tests need that no page offers: a ready story in a parent's family (written
// by the real engine, stored through private.import_story like the seed's), and a moderator (operators
// add them in SQL).
/** A ready family story of the parent with this e-mail; its title carries the tag. */
export async function addFamilyStory(email: string, tag: string, seed = 17): Promise<{ id: string; title: string }> {
  const story = await writtenStory({ ageBand: '7-9', templateId: 'lost-pet', themeId: 'friendship', seed });
  const title = `${story.title} ${tag}`;
  const [row] = await adminQuery<{ id: string }>(
    `select private.import_story($1::jsonb, fm.family_id, u.id, 'family') as id
       from auth.users u join public.family_members fm on fm.user_id = u.id
      where u.email = $2 and fm.role = 'parent'`,
    [JSON.stringify({ ...story, title }), email],
  );
  if (!row) throw new Error(`no parent ${email}`);
  return { id: row.id, title };
}

export async function makeModerator(email: string): Promise<void> {
  await adminQuery('insert into private.moderators (user_id) select id from auth.users where email = $1', [email]);
}
