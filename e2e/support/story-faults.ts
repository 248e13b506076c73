import { randomUUID } from 'node:crypto';
import { adminQuery as query } from './admin-db';

// Faults a test needs and no person can cause from the app: a story idea the catalogue offers but the
// built-in writer does not know (its job fails with unknown_template, its credits are given back), and
// the catalogue fixed afterwards. As the platform's superuser (admin-db.ts).

/** A template only this test's wizard shows (by its unique title), which the writer cannot write. */
export async function addUnwritableTemplate(): Promise<{ slug: string; title: string }> {
  const slug = `missing-${randomUUID().slice(0, 8)}`;
  const title = `Unwritten ${slug.slice(-8)}`;
  await query(
    "insert into public.story_templates (slug, version, title, summary, sort_order) values ($1, 1, $2, 'A story idea the writer does not know.', 999)",
    [slug, title],
  );
  return { slug, title };
}

/** The catalogue fixed: the family's story of that template gets a known one, and the bad one goes away. */
export async function fixStoriesOfTemplate(slug: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `update public.stories set template_id = (select id from public.story_templates where slug = 'lost-pet')
      where template_id = (select id from public.story_templates where slug = $1) returning id`,
    [slug],
  );
  await query('update public.story_templates set available = false where slug = $1', [slug]);
  if (!row) throw new Error(`no story of template ${slug}`);
  return row.id;
}

/** The story a family ordered from a template (its newest). */
export async function storyOfTemplate(slug: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `select s.id from public.stories s join public.story_templates t on t.id = s.template_id
      where t.slug = $1 order by s.created_at desc limit 1`,
    [slug],
  );
  if (!row) throw new Error(`no story of template ${slug}`);
  return row.id;
}
