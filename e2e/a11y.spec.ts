import { expect, test } from './fixtures';
import { ChildPage } from './pages/child-page';
import { FamilyDevicePage } from './pages/family-device-page';
import { FamilySettingsPage } from './pages/family-settings-page';
import { KidsPage } from './pages/kids-page';
import { ParentPage } from './pages/parent-page';
import { seriousViolations } from './support/axe';
import { addLibraryStory } from './support/library-story';

// axe-core on the pages people use most: no serious or critical violation (WCAG 2.2 A and AA rules).
// To add pages, extend PUBLIC_PAGES (no sign-in needed) or PARENT_PAGES (a parent with one child); the
// kid pages are walked in their own test, at tablet width, as a family device and a signed-in child.
const PUBLIC_PAGES = [
  { name: 'home', path: '/' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'sign-up', path: '/sign-up' },
  { name: 'forgot password', path: '/forgot-password' },
  { name: 'kid sign-in', path: '/kids' },
];

const PARENT_PAGES = [
  { name: 'parent home', path: () => '/parent' },
  { name: 'child page', path: (childUrl: string) => childUrl },
  { name: 'add a child', path: () => '/parent/children/new' },
  { name: 'family settings', path: () => '/parent/family' },
  { name: 'family devices', path: () => '/parent/devices' },
  { name: 'account', path: () => '/dashboard' },
];

// Stories: the parent's library, wizard, reader (with its map open) and gamebook; the child's library,
// wizard and reader. The story is a fresh public library story of the child's band.
const STORY_PAGES = [
  { name: 'stories library', path: () => '/stories' },
  { name: 'stories trash', path: () => '/stories/trash' },
  { name: 'new story', path: () => '/stories/new' },
  { name: 'story reader', path: (storyId: string) => `/stories/${storyId}` },
  { name: 'printable gamebook', path: (storyId: string) => `/stories/${storyId}/print` },
];
const KID_PAGES = [
  { name: 'kid library', path: () => '/kids/library' },
  { name: 'kid story wizard', path: () => '/kids/create' },
  { name: 'kid story reader', path: (storyId: string) => `/kids/stories/${storyId}` },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const { name, path } of PUBLIC_PAGES) {
      test(`${name} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('parent pages have no serious accessibility violations', async ({ page, signUpPage, newParent }) => {
      test.setTimeout(90_000);
      await signUpPage.goto();
      await signUpPage.signUp(newParent);
      await expect(page).toHaveURL(/\/dashboard$/);
      const parent = new ParentPage(page);
      await parent.addChild({ name: 'Ada', birthYear: new Date().getFullYear() - 7, pin: '1357' });
      await expect(page).toHaveURL(/\/parent\/children\//);
      const childUrl = new URL(page.url()).pathname;
      // With a pending consent form and then with consent given: both states are on the page people see.
      expect(await seriousViolations(page)).toEqual([]);
      await new ChildPage(page).giveConsent('Ada');
      await expect(parent.childStatus('Ada')).toContainText('Can read');

      for (const { name, path } of PARENT_PAGES) {
        const url = path(childUrl);
        await page.goto(url);
        // Not 'networkidle': the realtime socket stays open on parent pages.
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (url.startsWith('/parent')) {
          await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
        }
        expect(await seriousViolations(page), name).toEqual([]);
      }
    });

    test('story pages have no serious accessibility violations', async ({ page, browser, signUpPage, newParent }) => {
      test.setTimeout(120_000);
      const story = await addLibraryStory({ ageBand: '7-9', tag: `a11y-${theme}` });
      await signUpPage.goto();
      await signUpPage.signUp(newParent);
      await expect(page).toHaveURL(/\/dashboard$/);
      const parent = new ParentPage(page);
      await parent.addChild({ name: 'Ada', birthYear: new Date().getFullYear() - 8, pin: '1357' });
      await expect(page).toHaveURL(/\/parent\/children\//);
      await new ChildPage(page).giveConsent('Ada');
      await expect(parent.childStatus('Ada')).toContainText('Can read');
      // Kid sign-in needs a parent PIN first.
      await new FamilySettingsPage(page).goto();
      await new FamilySettingsPage(page).setParentPin('9753');
      await expect(page.getByText('Parent PIN saved.')).toBeVisible();
      await parent.goto();
      const familyCode = (await parent.familyCode.textContent())?.trim() ?? '';

      for (const { name, path } of STORY_PAGES) {
        await page.goto(path(story.id));
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (name === 'story reader') await page.getByRole('button', { name: 'Story map' }).click();
        expect(await seriousViolations(page), name).toEqual([]);
      }

      const kidContext = await browser.newContext({ colorScheme: theme, viewport: { width: 820, height: 1180 } });
      const kidPage = await kidContext.newPage();
      const kids = new KidsPage(kidPage);
      await kids.goto();
      await kids.signIn({ familyCode, name: 'Ada', pin: '1357' });
      await expect(kidPage).toHaveURL(/\/kids\/read$/);
      for (const { name, path } of KID_PAGES) {
        await kidPage.goto(path(story.id));
        await expect(kidPage.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await seriousViolations(kidPage), name).toEqual([]);
      }
      await kidContext.close();
    });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme, tablet`, () => {
    test.use({ colorScheme: theme, viewport: { width: 820, height: 1180 } });

    test('kid pages have no serious accessibility violations', async ({ page, signUpPage, newParent }) => {
      test.setTimeout(120_000);
      await signUpPage.goto();
      await signUpPage.signUp(newParent);
      await expect(page).toHaveURL(/\/dashboard$/);
      const parent = new ParentPage(page);
      await parent.addChild({ name: 'Ada', birthYear: new Date().getFullYear() - 6, pin: '1357' });
      await expect(page).toHaveURL(/\/parent\/children\//);
      await new ChildPage(page).giveConsent('Ada');
      await expect(parent.childStatus('Ada')).toContainText('Can read');

      // Handing the device over: first the parent PIN step, then the name.
      const device = new FamilyDevicePage(page);
      await device.gotoSetup();
      expect(await seriousViolations(page), 'device setup, parent PIN step').toEqual([]);
      await new FamilySettingsPage(page).goto();
      await new FamilySettingsPage(page).setParentPin('9753');
      await expect(page.getByText('Parent PIN saved.')).toBeVisible();
      await device.gotoSetup();
      await expect(page.getByRole('form', { name: 'Make this a family device' })).toBeVisible();
      expect(await seriousViolations(page), 'device setup').toEqual([]);
      await device.markDevice('Tablet');

      // The family device: avatars, then the PIN pad (with a wrong PIN's message).
      await expect(device.whoIsReading).toBeVisible();
      expect(await seriousViolations(page), 'avatars').toEqual([]);
      await device.avatar('Ada').click();
      await device.typePin('0000');
      await expect(device.alert).toBeVisible();
      expect(await seriousViolations(page), 'PIN pad').toEqual([]);
      await device.typePin('1357');

      // The reader, ready and reading, and its grown-ups' corner.
      const kids = new KidsPage(page);
      await expect(page).toHaveURL(/\/kids\/read$/);
      await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
      expect(await seriousViolations(page), 'reader, ready').toEqual([]);
      await kids.startReading.click();
      await expect(kids.status).toHaveText('Reading… enjoy your story!');
      expect(await seriousViolations(page), 'reader, reading').toEqual([]);
      await kids.stopReading.click();
      await expect(page).toHaveURL(/\/kids\/read$/);
      await page.getByRole('button', { name: 'Grown-ups: leave kid mode' }).click();
      expect(await seriousViolations(page), 'leave kid mode').toEqual([]);
    });
  });
}

test('the parent home takes few tab stops, starting with a skip link', async ({ page, signUpPage, newParent }) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const parent = new ParentPage(page);
  for (const name of ['Ada', 'Ben']) {
    await parent.addChild({ name, birthYear: new Date().getFullYear() - 7, pin: '1357' });
    await expect(page).toHaveURL(/\/parent\/children\//);
    await new ChildPage(page).giveConsent(name);
    await expect(parent.childStatus(name)).toContainText('Can read');
  }
  await parent.goto();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  // Walk the whole page once: every stop is counted until focus comes back to the start.
  const stops: string[] = [];
  for (let i = 0; i < 80; i++) {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el
        ? `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`
        : '';
    });
    if (i > 0 && label === stops[0]) break;
    stops.push(label);
    await page.keyboard.press('Tab');
  }
  // Before: 55 stops for one child. Now: nav, tabs, and per child a link and one pause button.
  expect(stops.length, stops.join('\n')).toBeLessThanOrEqual(20);
});
