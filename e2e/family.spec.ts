import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, type Parent, test } from './fixtures';
import { ChildPage } from './pages/child-page';
import { FamilySettingsPage } from './pages/family-settings-page';
import { KidsPage } from './pages/kids-page';
import { ParentPage } from './pages/parent-page';
import type { SignUpPage } from './pages/sign-up-page';

// The family takes the parent's browser time zone at sign-up: bedtimes and daily minutes follow it.
test.use({ timezoneId: 'Europe/Berlin' });

const newChild = () => ({
  name: `Kid${randomUUID().slice(0, 5)}`,
  birthYear: new Date().getFullYear() - 8,
  pin: '2468',
});

/** A new parent with one consented child, on that child's page. */
async function parentWithChild(page: Page, signUpPage: SignUpPage, parent: Parent) {
  const child = newChild();
  await signUpPage.goto();
  await signUpPage.signUp(parent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const parentPage = new ParentPage(page);
  await parentPage.addChild(child);
  await expect(page).toHaveURL(/\/parent\/children\/[0-9a-f-]+\?added=1/);
  const childPage = new ChildPage(page);
  await childPage.giveConsent(child.name);
  await expect(parentPage.childStatus(child.name)).toContainText('Can read');
  return { child, parentPage, childPage };
}

test('a parent adds a child with consent and controls; the child reads, asks, and the parent answers from the card without a reload', async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  // The child reads for a real minute (the database counts heartbeats, not taps).
  test.setTimeout(210_000);
  const parent = new ParentPage(page);
  const childPage = new ChildPage(page);
  const settings = new FamilySettingsPage(page);
  const child = newChild();

  // Sign-up creates the family; the checklist says what comes next.
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await parent.goto();
  await expect(parent.checklist.getByTestId('setup-add-child')).toHaveAttribute('data-done', 'false');
  await expect(parent.checklist.getByTestId('setup-device').getByRole('link')).toHaveAttribute(
    'href',
    '/parent/devices',
  );

  // An empty birth year says so (it is not read as 0); then the child is added and their page opens.
  await parent.addChild({ ...child, birthYear: '' });
  await expect(page.getByText('Please enter a birth year.')).toBeVisible();
  await page.getByLabel('Birth year').fill(String(child.birthYear));
  await page.getByRole('button', { name: 'Add child' }).click();
  await expect(page).toHaveURL(/\/parent\/children\/[0-9a-f-]+\?added=1#consent$/);
  await expect(parent.childStatus(child.name)).toContainText('Waiting for your consent');

  await settings.goto();
  await expect(settings.settingsForm.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await parent.goto();
  const familyCode = (await parent.familyCode.textContent())?.trim() ?? '';
  expect(familyCode).toMatch(/^[A-Z0-9]{6}$/);

  // The child, on another device, cannot sign in before consent.
  const kidContext = await browser.newContext();
  const kidPage = await kidContext.newPage();
  const kids = new KidsPage(kidPage);
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.alert).toHaveText('A grown-up needs to finish setting up your account first.');

  // Consent (from the checklist's link) and a one-minute daily limit, on the child's page.
  await parent.checklist.getByRole('link', { name: /Give your consent/ }).click();
  await childPage.giveConsent(child.name);
  await expect(parent.childStatus(child.name)).toContainText('Can read');
  await childPage.setDailyMinutes(child.name, 1);
  await expect(childPage.controlsForm(child.name).getByRole('status')).toHaveText('Saved.');
  await expect(parent.childStatus(child.name)).toContainText('0 of 1 minute today');

  // No child signs in before the family has a parent PIN (the way a grown-up gets a device back).
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.alert).toHaveText('Ask a grown-up to set a parent PIN first.');
  await settings.goto();
  await settings.setParentPin('8024');
  await expect(page.getByText('Parent PIN saved.')).toBeVisible();

  // The child signs in and reads the minute; the parent's home shows it without a reload.
  await parent.goto();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kidPage).toHaveURL(/\/kids\/read$/);
  await expect(kids.minutesLeft).toHaveText('1');
  await expect(kids.status).toHaveText('Ready when you are!');
  // "Start reading" opens a story; the minute counts while it is open.
  await kids.startReading.click();
  await expect(kidPage).toHaveURL(/\/kids\/stories\/[0-9a-f-]+$/);
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  const title = (await kids.heading.textContent())?.trim() ?? '';
  // At the limit the reader finishes the page on screen, keeps it and says "to be continued".
  await expect(kids.status).toContainText('To be continued…', { timeout: 80_000 });
  await expect(kids.toBeContinued).toContainText('Your place is saved');
  await expect(kidPage.getByTestId('story-text')).not.toBeEmpty();
  await expect(kidPage.getByRole('heading', { name: 'What happens next?' })).toHaveCount(0);
  await expect(kids.minutesLeft).toHaveText('0');
  await expect(parent.childStatus(child.name)).toContainText('1 of 1 minute today');
  await expect(parent.childStatus(child.name)).toContainText('Daily time used up');

  // The child asks; the request appears on the card live, and the parent gives 30 minutes.
  await kids.askForMoreTime.click();
  await expect(kids.status).toContainText('Waiting for a grown-up');
  await expect(parent.requestForm(child.name)).toContainText(`${child.name} asks for 15 more minutes`);
  // The request says what the child is reading (the story and the page they stopped on).
  await expect(parent.requestForm(child.name).getByTestId('request-story')).toContainText(`Reading “${title}”, page 1`);
  await parent.approveRequestOf(child.name, 30);
  await expect(parent.requestForm(child.name)).toHaveCount(0);
  await expect(parent.childStatus(child.name)).toContainText('1 of 31 minutes today');
  await expect(kids.status).toHaveText('Yes! A grown-up gave you 30 more minutes.', { timeout: 2_000 });
  await expect(kids.minutesLeft).toHaveText('30');

  // Pause from the card; the child's screen follows, and Resume brings reading back.
  await parent.pauseButton(child.name).click();
  await expect(parent.childStatus(child.name)).toContainText('Paused');
  await expect(kids.status).toHaveText('A grown-up has paused reading for now.', { timeout: 2_000 });
  await expect(parent.pauseButton(child.name)).toHaveText('Resume');
  await parent.pauseButton(child.name).click();
  await expect(parent.childStatus(child.name)).toContainText('Can read');
  await expect(kids.status).toHaveText('Yes! A grown-up gave you 30 more minutes.', { timeout: 2_000 });
  // "Read on": the story goes on from the same page.
  await kids.readOn.click();
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  await expect(kidPage.getByRole('heading', { name: 'What happens next?' })).toBeVisible();
  await expect(kidPage.getByTestId('page-number')).toHaveText(/^Page 1/);
  await kidContext.close();
});

test("a parent edits a child's page: controls with an empty number refused, rename and avatar, activity with old and new values", async ({
  page,
  signUpPage,
  newParent,
}) => {
  const { child, parentPage, childPage } = await parentWithChild(page, signUpPage, newParent);
  const form = childPage.controlsForm(child.name);

  // An empty daily limit is a field error, never 0; nothing is saved.
  await form.getByLabel('Daily reading minutes').fill('');
  await form.getByRole('button', { name: 'Save controls' }).click();
  await expect(form.getByText('Please enter a number of minutes.')).toBeVisible();
  await form.getByLabel('Daily reading minutes').fill('lots');
  await form.getByRole('button', { name: 'Save controls' }).click();
  await expect(form.getByText('Please enter a number.')).toBeVisible();
  await page.reload();
  // New children start at 60 minutes a day and no bedtime.
  await expect(form.getByLabel('Daily reading minutes')).toHaveValue('60');

  // A real change saves; "Saved." goes away as soon as the form changes again.
  await childPage.setDailyMinutes(child.name, 45);
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await form.getByLabel('Bedtime starts').fill('20:15');
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByLabel('Bedtime ends').fill('07:00');
  await form.getByRole('button', { name: 'Save controls' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  // Rename and new avatar: the heading, the card and the activity follow.
  const newName = `Re${child.name}`;
  await childPage.rename(newName, 'owl');
  await expect(childPage.profileForm().getByRole('status')).toHaveText('Saved.');
  await expect(childPage.heading).toHaveText(`🦉${newName}`);
  await expect(childPage.activity).toContainText(`Name: ${child.name}`);
  await expect(childPage.activity.getByText(`Name: ${child.name}`)).toContainText(newName);
  await expect(childPage.activity.getByText('Daily minutes: 60')).toContainText('45');
  await expect(childPage.activity.getByText('Bedtime: None')).toContainText('20:15–07:00');
  await parentPage.goto();
  await expect(parentPage.childStatus(newName)).toContainText('0 of 45 minutes today');
});

test('leaving a child page with unsaved changes asks first', async ({ page, signUpPage, newParent }) => {
  const { child, childPage } = await parentWithChild(page, signUpPage, newParent);
  const childUrl = page.url();
  await childPage.controlsForm(child.name).getByLabel('Daily reading minutes').fill('50');

  // Staying: the link click is cancelled and the edit is still there.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('You have unsaved changes. Leave this page without saving them?');
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'All children' }).click();
  await expect(page).toHaveURL(childUrl);
  await expect(childPage.controlsForm(child.name).getByLabel('Daily reading minutes')).toHaveValue('50');

  // Leaving: confirmed, the app navigates.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'All children' }).click();
  await expect(page).toHaveURL(/\/parent$/);

  // Changing a field back to what was saved is not an unsaved change.
  await page.goto(childUrl);
  const minutes = childPage.controlsForm(child.name).getByLabel('Daily reading minutes');
  await minutes.fill('61');
  await minutes.fill('60');
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'All children' }).click();
  await expect(page).toHaveURL(/\/parent$/);
  expect(asked).toBe(false);
});

test('a parent withdraws consent, deactivates and reactivates a child', async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  const { child, parentPage, childPage } = await parentWithChild(page, signUpPage, newParent);
  // The child signs in below: the family needs its parent PIN first.
  const settings = new FamilySettingsPage(page);
  await settings.goto();
  await settings.setParentPin('8024');
  await expect(page.getByText('Parent PIN saved.')).toBeVisible();
  await parentPage.goto();
  const familyCode = (await parentPage.familyCode.textContent())?.trim() ?? '';
  await parentPage.openChild(child.name);

  // Withdrawing consent: the account is inactive again, and consent can be given anew.
  await childPage.withdrawConsent(child.name);
  await expect(parentPage.childStatus(child.name)).toContainText('Waiting for your consent');
  // Let the page settle (the activity list re-fetches after the withdrawal) before answering again.
  await expect(childPage.activity).toContainText('Consent withdrawn');
  await expect(page.getByRole('form', { name: `Consent for ${child.name}` })).toBeVisible();
  await childPage.giveConsent(child.name);
  await expect(parentPage.childStatus(child.name)).toContainText('Can read');

  // The child signs in; deactivating ends that and hides them from sign-in, keeping the data.
  const kidContext = await browser.newContext();
  const kids = new KidsPage(await kidContext.newPage());
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.minutesLeft).toHaveText('60');

  await childPage.deactivate(child.name);
  await expect(parentPage.childStatus(child.name)).toContainText('Deactivated');
  await expect(childPage.reactivateForm(child.name)).toBeVisible();
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.alert).toBeVisible();
  await expect(kids.minutesLeft).toHaveCount(0);

  // Reactivating needs a PIN; a bad one is refused and the field emptied; a good one restores sign-in.
  const reactivate = childPage.reactivateForm(child.name);
  await reactivate.getByLabel('New PIN').fill('12');
  await reactivate.getByRole('button', { name: `Reactivate ${child.name}` }).click();
  await expect(reactivate.getByText('A PIN is 4 to 6 digits.')).toBeVisible();
  await reactivate.getByLabel('New PIN').fill('8642');
  await reactivate.getByRole('button', { name: `Reactivate ${child.name}` }).click();
  await expect(parentPage.childStatus(child.name)).toContainText('Can read');
  await kids.signIn({ familyCode, name: child.name, pin: '8642' });
  await expect(kids.minutesLeft).toHaveText('60');
  await expect(childPage.activity).toContainText('Deactivated');
  await kidContext.close();
});

test('a parent withdraws an invite code and pages back through the activity', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const { child, childPage } = await parentWithChild(page, signUpPage, newParent);

  // Enough changes for more than one page of the child's activity (20 a page).
  for (let minutes = 31; minutes <= 48; minutes++) {
    await childPage.setDailyMinutes(child.name, minutes);
    await expect(childPage.controlsForm(child.name).getByRole('status')).toHaveText('Saved.');
  }
  const entries = childPage.activity.getByTestId('activity').locator(':scope > li');
  await page.reload();
  await expect(entries).toHaveCount(20);
  await expect(entries.first()).toContainText('Daily minutes: 47');
  await childPage.activity.getByRole('button', { name: 'Show older changes' }).click();
  await expect.poll(() => entries.count()).toBeGreaterThan(20);
  await expect(entries.last()).toContainText('Added to the family');
  await expect(childPage.activity).toContainText('That is everything.');

  const settings = new FamilySettingsPage(page);
  await settings.goto();
  await settings.createInvite();
  await expect(settings.inviteCodes).toHaveCount(1);
  const code = (await settings.inviteCodes.first().textContent())?.trim() ?? '';
  await settings.withdrawInvite(code);
  await expect(settings.inviteCodes).toHaveCount(0);
  await expect(settings.activity).toContainText('Invite code withdrawn');
});
