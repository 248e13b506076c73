import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KidsPage } from './pages/kids-page';
import { LivePage } from './pages/live-page';
import { StoryReaderPage } from './pages/story-reader-page';
import { adminQuery } from './support/admin-db';
import { seriousViolations } from './support/axe';
import { addLibraryStory, withUnexploredFirstChoice } from './support/library-story';
import { childReadyToSignIn, DESKTOP, newGrownUp, newKid, PHONE, pageWidth, signedUp, TABLET } from './support/people';

// A live story session with four browsers at once: a parent hosts; two grown-ups of other families and
// the host's child (phrase-only chat) join by code; the lobby vote picks a story; the child sends a
// phrase; everyone votes (one changes their vote), sees the countdown and the reveal and lands on the
// same next page; the losing choice stays unexplored on the story map. The child's room is checked at
// tablet and phone width and with axe.

/** The host's child, allowed live sessions with phrase-only chat (set as a parent would, in SQL). */
async function childOf(page: Page) {
  const child = newKid();
  const familyCode = await childReadyToSignIn(page, child);
  await adminQuery(
    `update public.parental_controls pc set live_sessions_allowed = true, chat_level = 'phrases'
       from public.profiles p join public.family_members fm on fm.user_id = p.id
      where pc.child_id = p.id and p.display_name = $1 and fm.role = 'child'`,
    [child.name],
  );
  return { ...child, familyCode };
}

async function kidSignedIn(browser: Browser, child: Awaited<ReturnType<typeof childOf>>): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const kids = new KidsPage(page);
  await kids.goto();
  await kids.signIn({ familyCode: child.familyCode, name: child.name, pin: child.pin });
  await expect(page).toHaveURL(/\/kids\/read$/);
  return page;
}

test('a live session: join by code, lobby vote, chat, vote with a countdown and reveal, the same next page for all', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = `L${randomUUID().slice(0, 6)}`;
  let branches = { written: '', unexplored: '' };
  const chosen = await addLibraryStory({
    ageBand: '7-9',
    tag: `${tag} one`,
    seed: 31,
    edit: (story) => {
      const cut = withUnexploredFirstChoice(story);
      branches = { written: cut.written, unexplored: cut.unexplored };
      return cut.story;
    },
  });
  const other = await addLibraryStory({ ageBand: '7-9', tag: `${tag} two`, seed: 32 });

  const hostWho = newGrownUp('Guest');
  const hostPage = await signedUp(browser, hostWho);
  const child = await childOf(hostPage);
  const host = new LivePage(hostPage);
  await host.start(`Story night ${tag}`);
  const code = (await host.joinCode.textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{8}$/);

  // A guest with a wrong code reads why; the join link fills the right one in.
  const guestA = new LivePage(await signedUp(browser, newGrownUp('Guest')));
  await guestA.page.goto('/live');
  await guestA.joinWith('ZZZZ2222');
  await expect(
    guestA.page.getByText("That code doesn't match a live session. Please check it and try again."),
  ).toBeVisible();
  await guestA.page.goto(`/live/join/${code.toLowerCase()}`);
  await expect(guestA.page.getByLabel('Join code')).toHaveValue(code);
  await guestA.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(guestA.room).toBeVisible();

  const guestB = new LivePage(await signedUp(browser, newGrownUp('Guest'), PHONE));
  await guestB.page.goto(`/live?code=${code}`);
  await guestB.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(guestB.room).toBeVisible();

  // The child finds Live in their navigation and joins with the code.
  const kidPage = await kidSignedIn(browser, child);
  await kidPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live' }).click();
  const kid = new LivePage(kidPage);
  await kid.joinWith(code);
  await expect(kid.room).toBeVisible();

  await expect(host.presence.getByRole('listitem')).toHaveCount(4);
  await expect(host.presence).toContainText(child.name);

  // Lobby: the host shortlists two stories; everyone votes; the host starts the winner.
  await hostPage.getByRole('checkbox', { name: chosen.title }).check();
  await hostPage.getByRole('checkbox', { name: other.title }).check();
  await hostPage.getByRole('button', { name: /Open the vote/ }).click();
  await kid.lobbyStory(chosen.title).click();
  await guestA.lobbyStory(chosen.title).click();
  await guestB.lobbyStory(other.title).click();
  await expect(host.lobbyStory(chosen.title)).toContainText('2 votes');
  await expect(host.lobbyStory(other.title)).toContainText('1 vote');
  await hostPage.getByRole('button', { name: `Start “${chosen.title}”` }).click();
  for (const who of [host, guestA, guestB, kid]) await expect(who.storyPage).toBeVisible();
  const firstPage = await host.segmentId();

  // Chat: the child has phrases only (no text box) and sends one; a grown-up writes freely.
  await expect(kidPage.getByLabel('Message', { exact: true })).toHaveCount(0);
  await kidPage.getByRole('group', { name: 'Phrases' }).getByRole('button', { name: 'Hello!' }).click();
  await expect(host.chat).toContainText(`${child.name}: Hello!`);
  await guestA.page.getByLabel('Message', { exact: true }).fill('What a lovely cave');
  await guestA.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(kid.chat).toContainText('What a lovely cave');
  // The host (a parent of the child's family: the narrator) adds a phrase; it reaches the child's menu.
  await hostPage.getByLabel('Add a phrase for the youngest readers').fill('Into the cave!');
  await hostPage.getByRole('button', { name: 'Add phrase' }).click();
  await kidPage.getByRole('group', { name: 'Phrases' }).getByRole('button', { name: 'Into the cave!' }).click();
  await expect(host.chat).toContainText(`${child.name}: Into the cave!`);

  // The vote: a minute on the clock, counted down everywhere; the child changes their mind.
  await hostPage.getByLabel('Vote length (seconds)').fill('60');
  await hostPage.getByRole('button', { name: 'Open the vote' }).click();
  for (const who of [host, guestA, guestB, kid]) await expect(who.countdown).toHaveText(/^[01]:\d\d left$/);
  await guestA.choice(branches.written).click();
  await guestB.choice(branches.unexplored).click();
  await kid.choice(branches.unexplored).click();
  await expect(kid.choice(branches.unexplored)).toHaveAttribute('aria-pressed', 'true');
  await kid.choice(branches.written).click();
  await expect(kid.choice(branches.written)).toHaveAttribute('aria-pressed', 'true');
  await expect(kid.choice(branches.unexplored)).toHaveAttribute('aria-pressed', 'false');
  await expect(host.choice(branches.written)).toContainText('2 votes');
  await expect(host.choice(branches.unexplored)).toContainText('1 vote');

  await hostPage.getByRole('button', { name: 'Close the vote now' }).click();
  await expect(kidPage.getByRole('heading', { name: 'Voting has closed' })).toBeVisible();
  await hostPage.getByRole('button', { name: 'Reveal the results' }).click();
  for (const who of [guestA, guestB, kid])
    await expect(who.page.getByText(`The story goes on with “${branches.written}”.`)).toBeVisible();
  await hostPage.screenshot({ path: testInfo.outputPath('live-host-desktop.png'), fullPage: true });
  await hostPage.getByRole('button', { name: 'Go to the next page' }).click();

  // Everyone lands on the same next page.
  await expect(host.storyPage).not.toHaveAttribute('data-segment', firstPage ?? '');
  const next = await host.segmentId();
  for (const who of [guestA, guestB, kid]) await expect(who.storyPage).toHaveAttribute('data-segment', next ?? '');

  // The child's room fits a tablet and a phone and passes axe.
  expect(await pageWidth(kidPage)).toBeLessThanOrEqual(TABLET.width);
  expect(await seriousViolations(kidPage)).toEqual([]);
  await kidPage.screenshot({ path: testInfo.outputPath('live-kid-tablet.png'), fullPage: true });
  await kidPage.setViewportSize(PHONE);
  expect(await pageWidth(kidPage)).toBeLessThanOrEqual(PHONE.width);
  await kidPage.screenshot({ path: testInfo.outputPath('live-kid-phone.png'), fullPage: true });
  await kidPage.setViewportSize(DESKTOP);
  await kidPage.screenshot({ path: testInfo.outputPath('live-kid-desktop.png'), fullPage: true });
  await hostPage.setViewportSize(PHONE);
  expect(await pageWidth(hostPage)).toBeLessThanOrEqual(PHONE.width);
  await hostPage.screenshot({ path: testInfo.outputPath('live-host-phone.png'), fullPage: true });
  expect(await seriousViolations(hostPage)).toEqual([]);

  // A guest leaves: back on /live, and gone from the room.
  await guestB.page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(guestB.page).toHaveURL(/\/live$/);
  await expect(host.presence.getByRole('listitem')).toHaveCount(3);

  // The host ends the session: participants keep its results and the chat transcript.
  await hostPage.setViewportSize(DESKTOP);
  hostPage.once('dialog', (dialog) => void dialog.accept());
  await hostPage.getByRole('button', { name: 'End the session' }).click();
  await expect(guestA.page.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await expect(guestA.page.getByRole('list', { name: 'What the votes chose' })).toContainText(branches.written);
  await expect(guestA.chat).toContainText('Hello!');

  // The branch the vote left behind is still unexplored on the story map.
  await hostPage.goto(`/stories/${chosen.id}`);
  const reader = new StoryReaderPage(hostPage);
  await reader.openMap();
  // A button when the map can jump there, a plain mark otherwise: both carry the name as their title.
  await expect(reader.map.locator(`[title^=${JSON.stringify(`Not written yet: ${branches.unexplored}`)}]`)).toHaveCount(
    1,
  );

  for (const page of [guestA.page, guestB.page, kidPage, hostPage]) await page.context().close();
});
