import { SERVICE_ROLE_KEY } from 'supabase-local';
import { illustrateSegment, type Story } from '@/lib/story-engine';
import { illustrationPath, storageMedia } from '../worker/generation/media';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { LivePage } from './pages/live-page';
import { ParentPage } from './pages/parent-page';
import { StoryReaderPage } from './pages/story-reader-page';
import { adminQuery } from './support/admin-db';
import { addLibraryStory } from './support/library-story';

// Text people and models write (names, story titles, pages, choices, the pictures' titles) is shown
// as text everywhere: markup in it never becomes an element and never runs. Every page below would set
// window.__pwned (or open a dialog) if it did; the tags must appear as the letters typed.
const injected = (where: string) => `<img src=x onerror="window.__pwned='${where}'">`;
const CHILD_NAME = '<img src=x onerror=__pwned=1>';

async function expectInert(page: import('@playwright/test').Page) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])').filter({ hasText: '__pwned' })).toHaveCount(0);
}

/** Every alert/confirm/prompt the page opens (an injected script's favourite proof), dismissed. */
function dialogsOf(page: import('@playwright/test').Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

test('names, story text, choices and pictures with markup render inert, as the letters typed', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const dialogs = dialogsOf(page);

  // A grown-up's name and a child's name with markup.
  await signUpPage.goto();
  await signUpPage.signUp({ ...newParent, displayName: `Sam ${injected('name')}` });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, Sam ${injected('name')}`);
  await expectInert(page);
  const parent = new ParentPage(page);
  await parent.addChild({ name: CHILD_NAME, birthYear: new Date().getFullYear() - 8, pin: '4826' });
  await expect(page).toHaveURL(/\/parent\/children\/[0-9a-f-]+/);
  await parent.goto();
  await expect(parent.childStatus(CHILD_NAME)).toContainText(CHILD_NAME);
  await expectInert(page);

  // A library story whose title, first page and first choice carry markup, and whose first picture was
  // drawn from that page (its <title> holds the page's words).
  const tag = `inert-${Date.now()}`;
  const { id, story } = await addLibraryStory({
    ageBand: '7-9',
    tag,
    edit: (written: Story) => ({
      ...written,
      title: `${injected('title')} ${written.title}`,
      segments: written.segments.map((s) =>
        s.id === written.startSegmentId ? { ...s, text: `${injected('page')} ${s.text}` } : s,
      ),
      choices: written.choices.map((c, i) => (i === 0 ? { ...c, label: `${injected('choice')} ${c.label}` } : c)),
    }),
  });
  const start = story.segments.find((s) => s.id === story.startSegmentId);
  if (!start) throw new Error('the story has no start page');
  const picture = illustrateSegment(start, story.characters);
  expect(picture.svg).not.toContain('<img');
  // Stored as the worker stores pictures (its safe-SVG check included).
  const apiUrl = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
  const path = illustrationPath({ id, familyId: null }, start.id);
  await storageMedia({ url: apiUrl, serviceRoleKey: SERVICE_ROLE_KEY }).putSvg(path, picture.svg);
  await adminQuery('update public.story_segments set illustration_path = $1 where story_id = $2 and key = $3', [
    path,
    id,
    start.id,
  ]);

  // In the library's search results…
  const library = new LibraryPage(page);
  await library.goto();
  await library.searchFor(tag);
  await expect(library.results.getByText(injected('title'), { exact: false })).toBeVisible();
  await expectInert(page);

  // …in the reader (page, choice, picture)…
  const reader = new StoryReaderPage(page);
  await page.goto(`/stories/${id}`);
  await expect(reader.title).toContainText(injected('title'));
  await expect(reader.text).toContainText(injected('page'));
  await expect(reader.choices.first()).toContainText(injected('choice'));
  await expect(reader.storyPage.locator('img[src*=".svg"]')).toHaveCount(1);
  await expectInert(page);

  // …on the map and in the printable book…
  await reader.openMap();
  await expect(reader.map).toBeVisible();
  await expectInert(page);
  await page.goto(`/stories/${id}/print`);
  await expect(page.getByText(injected('page'), { exact: false }).first()).toBeVisible();
  await expectInert(page);

  // …and the picture opened on its own, as a document (where a script in an SVG would run).
  await page.goto(`${apiUrl}/storage/v1/object/public/${path}`);
  await expect(page.locator('title').first()).toContainText('<img src=x');
  await expectInert(page);
  expect(dialogs).toEqual([]);
});

test('live chat: markup typed is refused, and markup in a message or a name shows as the letters', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const dialogs = dialogsOf(page);
  const name = `Host ${injected('live-name')}`;
  await signUpPage.goto();
  await signUpPage.signUp({ ...newParent, displayName: name });
  await expect(page).toHaveURL(/\/dashboard$/);
  const live = new LivePage(page);
  await live.start('Markup night');
  await expect(live.presence).toContainText(name);

  // Typed markup never leaves the browser as a message: the database refuses it and says why.
  await page.getByLabel('Message', { exact: true }).fill(injected('chat'));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText("Messages can't contain HTML.")).toBeVisible();

  // A message that holds markup anyway (written straight into the table) is shown as text.
  const sessionId = page.url().split('/').pop();
  await adminQuery(
    `insert into public.chat_messages (session_id, participant_id, sender_id, kind, body)
     select p.session_id, p.id, p.user_id, 'text', $2 from public.session_participants p
      where p.session_id = $1 and p.role = 'host'`,
    [sessionId, injected('stored-chat')],
  );
  await expect(live.chat).toContainText(injected('stored-chat'));
  await expectInert(page);
  expect(dialogs).toEqual([]);
});
