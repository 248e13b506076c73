import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { StoryWizardPage } from './pages/story-wizard-page';
import { seriousViolations } from './support/axe';
import { addFamilyStory, makeModerator } from './support/library-admin';
import { newGrownUp, PHONE, pageWidth, signedUp } from './support/people';

// The library's housekeeping as a family uses it: rename a story (a bad title says why), move it to the
// trash and bring it back; ask for the public library, a moderator approves it on /moderation, and
// another family finds it in the public library and remixes it into their own for free. The pages are
// checked at phone and desktop width.

async function fitsTheScreen(page: Page, width: number) {
  expect(await pageWidth(page)).toBeLessThanOrEqual(width);
}

test('a parent renames a story, moves it to the trash and restores it', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const parent = newGrownUp();
  const page = await signedUp(browser, parent, PHONE);
  const library = new LibraryPage(page);
  const tag = `T${randomUUID().slice(0, 6)}`;
  const story = await addFamilyStory(parent.email, tag);

  await library.goto();
  await expect(library.shelfCard(story.title)).toBeVisible();

  // A blank title is refused on the spot and changes nothing; a good one renames.
  const blank = await library.rename(story.title, '   ');
  await expect(blank.getByText('Please give the story a title.')).toBeVisible();
  await page.reload();
  await expect(library.shelfCard(story.title)).toBeVisible();
  const renamed = `Our own story ${tag}`;
  await library.rename(story.title, renamed);
  // The card keeps its place (and its form's answer) under the new title.
  await expect(library.shelfCard(renamed).getByText('Renamed.')).toBeVisible();
  await page.reload();
  await expect(library.shelfCard(renamed)).toBeVisible();
  await fitsTheScreen(page, PHONE.width);
  await (await library.manage(renamed)).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('library-manage-phone.png'), fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);

  // To the trash: gone from the shelf, in the Trash tab; restored, back on the shelf.
  await library.press(renamed, `Move “${renamed}” to the trash`, 'Move to the trash');
  await expect(library.shelfCard(renamed)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Stories' }).getByRole('link', { name: 'Trash' }).click();
  await expect(page).toHaveURL(/\/stories\/trash$/);
  await expect(library.shelfCard(renamed)).toBeVisible();
  await fitsTheScreen(page, PHONE.width);
  await page.screenshot({ path: testInfo.outputPath('library-trash-phone.png') });
  await library.press(renamed, `Restore “${renamed}”`, 'Restore');
  await expect(library.shelfCard(renamed)).toHaveCount(0);
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await library.goto();
  await expect(library.familyStories.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  await page.context().close();
});

test('a public request goes to the moderation queue; approved, another family finds it and remixes it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const author = newGrownUp();
  const moderator = newGrownUp();
  const other = newGrownUp();
  const authorPage = await signedUp(browser, author);
  const moderatorPage = await signedUp(browser, moderator);
  const otherPage = await signedUp(browser, other, PHONE);
  await makeModerator(moderator.email);
  const tag = `P${randomUUID().slice(0, 6)}`;
  const story = await addFamilyStory(author.email, tag, 23);

  // The author asks; the card says it waits. Another family does not find it yet.
  const authorLibrary = new LibraryPage(authorPage);
  await authorLibrary.goto();
  await authorLibrary.manage(story.title);
  await authorLibrary.press(
    story.title,
    `Ask for “${story.title}” in the public library`,
    'Ask for the public library',
  );
  await expect(authorLibrary.shelfCard(story.title).getByTestId('public-request-status')).toHaveText(
    'Waiting for a moderator to read it for the public library.',
  );
  const otherLibrary = new LibraryPage(otherPage);
  await otherLibrary.goto();
  await otherLibrary.searchFor(tag);
  await expect(otherPage.getByText('No stories match. Try fewer words or another filter.')).toBeVisible();
  const moderatorLibrary = new LibraryPage(moderatorPage);

  // Someone who is not a moderator has no queue.
  await authorPage.goto('/moderation');
  await expect(authorPage.getByRole('heading', { name: "This page isn't here" })).toBeVisible();

  // The moderator finds it in the queue (linked from their library) and approves it.
  await moderatorLibrary.goto();
  await moderatorPage.getByRole('link', { name: 'Moderation queue' }).click();
  await expect(moderatorPage).toHaveURL(/\/moderation$/);
  const item = moderatorPage.getByTestId('moderation-item').filter({ hasText: story.title });
  await expect(item).toBeVisible();
  await moderatorPage.screenshot({ path: testInfo.outputPath('moderation-desktop.png') });
  expect(await seriousViolations(moderatorPage)).toEqual([]);
  // Answered, it leaves the queue (the page refreshes from the action), also after a reload.
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0);
  await moderatorPage.reload();
  await expect(moderatorPage.getByTestId('moderation-item').filter({ hasText: story.title })).toHaveCount(0);

  // Public now: another family finds it and remixes it into their own, for free.
  await otherLibrary.goto();
  await otherLibrary.searchFor(tag);
  const found = otherLibrary.results.getByTestId('story-card').filter({ hasText: story.title });
  await expect(found).toBeVisible();
  await expect(found).toContainText('Public library');
  await fitsTheScreen(otherPage, PHONE.width);
  await found.scrollIntoViewIfNeeded();
  await otherPage.screenshot({ path: testInfo.outputPath('library-search-phone.png') });
  await found
    .getByRole('form', { name: `Remix “${story.title}” into our family` })
    .getByRole('button', { name: 'Remix into our family (free)' })
    .click();
  await expect(otherPage).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
  expect(otherPage.url()).not.toContain(story.id);
  await otherLibrary.goto();
  await expect(otherLibrary.shelfCard(story.title)).toBeVisible();
  // Free: the new family's 10 welcome credits are all still there.
  const wizard = new StoryWizardPage(otherPage);
  await wizard.goto();
  await expect(wizard.credits).toHaveText('Your family has: 10 credits');

  // The author's card says it is public; the title stays as approved.
  await authorLibrary.goto();
  const panel = await authorLibrary.manage(story.title);
  await expect(panel).toContainText('Everyone: it is in the public library.');
  await expect(panel.getByRole('form', { name: `Rename “${story.title}”` })).toHaveCount(0);
  for (const page of [authorPage, moderatorPage, otherPage]) await page.context().close();
});
