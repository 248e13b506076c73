import type { Browser, Page } from '@playwright/test';
import { expect, type Parent, test } from './fixtures';
import { KidsPage } from './pages/kids-page';
import type { SignUpPage } from './pages/sign-up-page';
import { StoryReaderPage } from './pages/story-reader-page';
import { StoryWizardPage } from './pages/story-wizard-page';
import { childReadyToSignIn, newKid, pageWidth } from './support/people';
import { addUnwritableTemplate, fixStoriesOfTemplate, storyOfTemplate } from './support/story-faults';

// The reader, second pass: the kid home leads to stories (continue where you left off, with the time
// left) at tablet and phone width; read-aloud where the browser can speak, and none where it cannot; a
// parent's "why was this shown?"; a story whose job failed offers "Try again" in the reader. ("To be
// continued" at the limit, with the story in the parent's approval, is in family.spec.ts.)
test.use({ timezoneId: 'Europe/Berlin' });

async function familyWithChild(page: Page, signUpPage: SignUpPage, newParent: Parent) {
  const child = newKid();
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { child, familyCode: await childReadyToSignIn(page, child) };
}

async function kidSession(
  browser: Browser,
  viewport: { width: number; height: number },
  { familyCode, child }: Awaited<ReturnType<typeof familyWithChild>>,
  { speech }: { speech: boolean },
) {
  const context = await browser.newContext({ viewport });
  // A browser without speech synthesis (many webviews): read-aloud must not appear at all.
  if (!speech) await context.addInitScript(() => Reflect.deleteProperty(window, 'speechSynthesis'));
  const page = await context.newPage();
  const kids = new KidsPage(page);
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(page).toHaveURL(/\/kids\/read$/);
  return { context, page, kids };
}

test('the kid home leads to stories and back to where the child left off, at tablet and phone width', async ({
  page,
  browser,
  signUpPage,
  newParent,
}, testInfo) => {
  test.setTimeout(150_000);
  const family = await familyWithChild(page, signUpPage, newParent);

  // Tablet: home, a story, one step, home again where the story waits on page 2.
  const tablet = await kidSession(browser, { width: 768, height: 1024 }, family, { speech: true });
  const { page: kidPage, kids } = tablet;
  const reader = new StoryReaderPage(kidPage);
  await expect(kids.status).toHaveText('Ready when you are!');
  await expect(kids.minutesLeft).toHaveText('60');
  await expect(kidPage.getByTestId('story-picks').getByTestId('story-card').first()).toBeVisible();
  await expect(kidPage.getByRole('link', { name: 'All my stories' })).toBeVisible();
  await expect(kidPage.getByTestId('continue-reading')).toHaveCount(0);
  expect(await pageWidth(kidPage)).toBeLessThanOrEqual(768);
  await kidPage.screenshot({ path: testInfo.outputPath('kid-home-tablet.png'), fullPage: true });

  // "Start reading" opens a story; the status and time left stay in view while reading.
  await kids.startReading.click();
  await expect(kidPage).toHaveURL(/\/kids\/stories\/[0-9a-f-]+$/);
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  await expect(kids.minutesLeft).toHaveText(/^(59|60)$/);
  await expect(reader.pageNumber).toHaveText(/^Page 1/);
  const title = (await reader.title.textContent())?.trim() ?? '';
  // Read-aloud where the browser can speak.
  await expect(kidPage.getByRole('group', { name: 'Read aloud' })).toBeVisible();
  // One step: its bookmark is the server action's POST after it.
  const saved = reader.bookmarkSaved(2);
  await reader.writtenChoices().first().click();
  await expect(reader.pageNumber).toHaveText(/^Page 2/);
  await saved;
  expect(await pageWidth(kidPage)).toBeLessThanOrEqual(768);
  await kidPage.screenshot({ path: testInfo.outputPath('kid-reader-tablet.png'), fullPage: true });

  // "Stop reading": home, where the story waits under "continue where you left off".
  await kids.stopReading.click();
  await expect(kidPage).toHaveURL(/\/kids\/read$/);
  const continued = kidPage.getByTestId('continue-reading').getByTestId('story-card').filter({ hasText: title });
  await expect(continued).toContainText('Page 2');
  await tablet.context.close();

  // Phone, in a browser without speech synthesis: the same home, the story resumes on page 2, and no
  // read-aloud controls at all.
  const phone = await kidSession(browser, { width: 390, height: 844 }, family, { speech: false });
  const phoneReader = new StoryReaderPage(phone.page);
  await expect(phone.page.getByTestId('continue-reading')).toContainText('Page 2');
  expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
  await phone.page.screenshot({ path: testInfo.outputPath('kid-home-phone.png'), fullPage: true });
  await phone.kids.startReading.click();
  await expect(phoneReader.title).toHaveText(title);
  await expect(phoneReader.pageNumber).toHaveText(/^Page 2/);
  await expect(phone.kids.status).toHaveText('Reading… enjoy your story!');
  await expect(phone.page.getByTestId('read-aloud')).toHaveCount(0);
  expect(await pageWidth(phone.page)).toBeLessThanOrEqual(390);
  await phone.page.screenshot({ path: testInfo.outputPath('kid-reader-phone.png'), fullPage: true });
  await phone.context.close();
});

test('a story whose job failed offers "Try again" in the reader; a parent sees why a page was shown', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const template = await addUnwritableTemplate();
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);

  // The order goes through; the writer does not know the idea, so the job fails and gives the credits back.
  const wizard = new StoryWizardPage(page);
  await wizard.goto();
  await wizard.pickTemplate(template.title);
  await wizard.pickCharacters('Pip', 'Luna');
  await wizard.submit();
  await expect(wizard.progress).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  const storyId = await storyOfTemplate(template.slug);

  // Opened later, the reader says so and offers "Try again" (not a dead end).
  const reader = new StoryReaderPage(page);
  await page.goto(`/stories/${storyId}`);
  await expect(page.getByRole('status').filter({ hasText: "This story couldn't be written." })).toBeVisible();
  await expect(reader.progressBar).toBeVisible();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toHaveAttribute('data-status', 'failed');
  await expect(progress).toContainText('Something went wrong');

  // The catalogue is fixed; "Try again" writes it (a new job and hold) and the story opens on page 1.
  await fixStoriesOfTemplate(template.slug);
  await progress.getByRole('button', { name: 'Try again' }).click();
  await expect(reader.pageNumber).toHaveText(/^Page 1/, { timeout: 30_000 });
  await expect(reader.text).toContainText(/Pip|Luna/);

  // "Why was this shown?": who wrote the page, from what, its inputs hash and the checks it passed.
  const why = page.getByTestId('why-shown');
  await why.getByText('Why was this shown?').click();
  await expect(why).toContainText("Tale Forge's built-in storyteller");
  await expect(why).toContainText(/story idea “lost-pet”, version \d+/);
  await expect(why).toContainText(/Readability\s*Passed for ages (4-6|7-9|10-12)/);
  await expect(why).toContainText(/Safety check\s*Passed/);
  await expect(why).toContainText(/sha256:[0-9a-f]{64}/);
});
