import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KidsPage } from './pages/kids-page';
import { LibraryPage } from './pages/library-page';
import { StoryReaderPage } from './pages/story-reader-page';
import { StoryWizardPage } from './pages/story-wizard-page';
import { addLibraryStory } from './support/library-story';
import { childReadyToSignIn, newKid, pageWidth } from './support/people';
import { pageWithUnexploredChoice } from './support/story-db';
import { watchForElement } from './support/watch-for-element';

// Stories as a family uses them: a parent orders one with the built-in storyteller and watches it being
// written, reads, chooses, reloads and resumes, uses the map; bad input and an empty wallet say so; a
// child reads a library story of their band at tablet and phone width and never sees one above it.
test.use({ timezoneId: 'Europe/Berlin' });

async function orderStory(page: Page, wizard: StoryWizardPage) {
  await wizard.goto();
  await wizard.pickTemplate('The Lost Pet');
  await wizard.pickCharacters('Pip', 'Luna');
  await wizard.submit();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test('a parent creates a story, watches it being written, reads, chooses, reloads and resumes, jumps on the map', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const wizard = new StoryWizardPage(page);
  const reader = new StoryReaderPage(page);
  const library = new LibraryPage(page);
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);

  // The price list and the family's credits are on the wizard.
  await wizard.goto();
  await expect(wizard.priceList).toContainText('Tale Forge Storyteller');
  await expect(wizard.priceList).toContainText('5 credits a new story · 1 to continue a branch');
  await expect(wizard.credits).toHaveText('Your family has: 10 credits');
  await wizard.pickTemplate('The Lost Pet');
  await wizard.pickCharacters('Pip', 'Luna');
  // The live progress bar (on screen for as little as 100 ms), then the reader.
  const wizardBar = await watchForElement(page, '[data-testid="job-progress"] [role="progressbar"]');
  await wizard.submit();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await wizardBar.expectSeen();
  const storyUrl = page.url();
  await expect(reader.pageNumber).toHaveText(/^Page 1/);
  await expect(reader.text).not.toBeEmpty();
  await expect(reader.text).toContainText(/Pip|Luna/);
  const start = await reader.segmentId();

  // Choose; the page changes; a reload resumes exactly there. The bookmark is the server action's POST
  // after the step (the page opened on is bookmarked too): wait for the step's before reloading.
  const saved = reader.bookmarkSaved(2);
  await reader.writtenChoices().first().click();
  await expect(reader.pageNumber).toHaveText(/^Page 2/);
  const second = await reader.segmentId();
  expect(second).not.toBe(start);
  await saved;
  await page.reload();
  await expect(reader.pageNumber).toHaveText(/^Page 2/);
  expect(await reader.segmentId()).toBe(second);

  // Back, then the map: the path taken is marked, and the start can be jumped to.
  await reader.back.click();
  await expect(reader.pageNumber).toHaveText(/^Page 1/);
  await reader.writtenChoices().last().click();
  await expect(reader.pageNumber).toHaveText(/^Page 2/);
  await reader.openMap();
  await expect(reader.map.locator('[data-testid="map-node"][data-visited="true"]')).toHaveCount(2);
  await expect(reader.map.getByTestId('map-open-end').first()).toBeVisible();
  await reader.mapNode(/^The start/).click();
  await expect(reader.pageNumber).toHaveText(/^Page 1/);

  // An unexplored branch: jump there on the map, continue it (1 credit), watch it, read on.
  const storyId = storyUrl.split('/').pop() ?? '';
  const open = await pageWithUnexploredChoice(storyId);
  await reader.openMap();
  await reader.map.locator(`[data-segment="${open.segmentId}"]`).click();
  expect(await reader.segmentId()).toBe(open.segmentId);
  const here = await reader.pageNumber.textContent();
  const branch = reader.unexploredChoices().filter({ hasText: open.label }).first();
  await expect(branch).toContainText('continue this branch (1 credit)');
  const branchBar = await watchForElement(page, '[data-testid="job-progress"] [role="progressbar"]');
  await branch.click();
  await expect(reader.pageNumber).not.toHaveText(here ?? '', { timeout: 30_000 });
  await branchBar.expectSeen();
  expect(await reader.segmentId()).not.toBe(open.segmentId);
  await expect(reader.text).not.toBeEmpty();

  // The family's library lists it.
  await library.goto();
  await expect(library.familyStories.getByTestId('story-card')).toHaveCount(1);
  await library.familyStories.getByRole('link').first().click();
  await expect(page).toHaveURL(storyUrl);
});

test('bad input and an empty wallet say so and change nothing', async ({ page, signUpPage, newParent }) => {
  test.setTimeout(120_000);
  const wizard = new StoryWizardPage(page);
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);

  // No characters, then an empty idea of one's own.
  await wizard.goto();
  await wizard.submit();
  await expect(wizard.form).toContainText('Please choose 1 to 4 characters.');
  await wizard.ownIdea('   ');
  await wizard.pickCharacters('Bo');
  await wizard.submit();
  await expect(wizard.form).toContainText('Please describe your story idea.');
  await expect(wizard.progressBar).toHaveCount(0);

  // A prompt with markup is text, never HTML. Two stories use the 10 credits; a third is refused.
  await wizard.ownIdea('<b>Bo</b> finds a <script>alert(1)</script> kite');
  await wizard.submit();
  await expect(page).toHaveURL(/\/stories\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await orderStory(page, wizard);
  await wizard.goto();
  await expect(wizard.credits).toHaveText('Your family has: 0 credits');
  await wizard.pickCharacters('Pip');
  await wizard.submit();
  await expect(wizard.alert).toHaveText('Not enough credits: 5 needed, 0 left.');
  await expect(wizard.progressBar).toHaveCount(0);
});

test('a child reads a library story of their band at tablet and phone width, and never sees one above it', async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(150_000);
  const tag = randomUUID().slice(0, 6);
  const [young, older] = await Promise.all([
    addLibraryStory({ ageBand: '7-9', tag: `Y${tag}` }),
    addLibraryStory({ ageBand: '10-12', tag: `O${tag}` }),
  ]);
  const child = newKid();
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const familyCode = await childReadyToSignIn(page, child);

  for (const viewport of [
    { width: 820, height: 1180 },
    { width: 390, height: 844 },
  ]) {
    const kidContext = await browser.newContext({ viewport });
    const kidPage = await kidContext.newPage();
    const kids = new KidsPage(kidPage);
    const library = new LibraryPage(kidPage);
    const reader = new StoryReaderPage(kidPage);
    await kids.goto();
    await kids.signIn({ familyCode, name: child.name, pin: child.pin });
    await expect(kidPage).toHaveURL(/\/kids\/read$/);

    await library.goto('/kids/library');
    await library.searchFor(`Y${tag}`);
    await expect(library.card(young.title)).toBeVisible();
    await library.searchFor(`O${tag}`);
    await expect(library.results).toHaveCount(0);
    await expect(kidPage.getByText('No stories here yet.')).toBeVisible();
    // Not by its address either.
    await kidPage.goto(`/kids/stories/${older.id}`);
    await expect(kidPage.getByRole('heading', { name: "This page isn't here" })).toBeVisible();

    await kidPage.goto('/kids/library');
    await library.searchFor(`Y${tag}`);
    await library.card(young.title).getByRole('link').click();
    await expect(kidPage).toHaveURL(new RegExp(`/kids/stories/${young.id}$`));
    await expect(reader.title).toHaveText(young.title);
    await expect(reader.storyPage).toBeVisible();
    // Nothing is wider than the screen, and choices are big targets (56 px and more) that fit it.
    expect(await pageWidth(kidPage)).toBeLessThanOrEqual(viewport.width);
    const choice = reader.writtenChoices().first();
    const box = await choice.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
    const before = await reader.pageNumber.textContent();
    await choice.click();
    await expect(reader.pageNumber).not.toHaveText(before ?? '');
    await kidContext.close();
  }
});
