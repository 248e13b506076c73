import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { KidsPage } from './pages/kids-page';
import { ParentPage } from './pages/parent-page';

// The family takes the parent's browser time zone at sign-up: bedtimes and daily minutes follow it.
test.use({ timezoneId: 'Europe/Berlin' });

test('a parent adds a child with consent and controls; the child reads, hits the limit, asks, and reads on', async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(180_000);
  const parent = new ParentPage(page);
  const child = { name: `Kid${randomUUID().slice(0, 5)}`, birthYear: new Date().getFullYear() - 8, pin: '2468' };

  // The parent signs up (which creates their family) and adds a child.
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await parent.goto();
  await parent.addChild(child);
  await expect(parent.childStatus(child.name)).toContainText('Waiting for your consent');
  await expect(page.getByRole('form', { name: 'Family settings' }).getByLabel('Time zone')).toHaveValue(
    'Europe/Berlin',
  );
  const familyCode = (await parent.familyCode.textContent())?.trim() ?? '';
  expect(familyCode).toMatch(/^[A-Z0-9]{6}$/);

  // The child, on another device, cannot sign in before consent.
  const kidContext = await browser.newContext();
  const kidPage = await kidContext.newPage();
  const kids = new KidsPage(kidPage);
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.alert).toHaveText('A grown-up needs to finish setting up your account first.');

  // Consent, then a one-minute daily limit.
  await parent.giveConsent(child.name);
  await expect(parent.childStatus(child.name)).toContainText('Can read');
  await parent.setDailyMinutes(child.name, 1);
  await expect(parent.controlsForm(child.name).getByRole('status')).toHaveText('Saved.');
  await expect(parent.childStatus(child.name)).toContainText('0 of 1 minute today');

  // No child signs in before the family has a parent PIN (the way a grown-up gets the device back).
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kids.alert).toHaveText('Ask a grown-up to set a parent PIN first.');
  await parent.setParentPin('8024');

  // A wrong PIN is refused and counted; the right one signs the child in.
  await kids.signIn({ familyCode: familyCode.toLowerCase(), name: child.name, pin: '0000' });
  await expect(kids.alert).toHaveText("That PIN isn't right. You can try 4 more times.");
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kidPage).toHaveURL(/\/kids\/read$/);
  await expect(kids.heading).toContainText(`Hi, ${child.name}!`);
  await expect(kids.minutesLeft).toHaveText('1');

  // Reading for a minute (heartbeats, counted by the database) uses up the day; the reader says "to be
  // continued" and the child asks for more.
  await expect(kids.status).toHaveText('Ready when you are!');
  await kids.startReading.click();
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  await expect(kids.status).toContainText('To be continued…', { timeout: 80_000 });
  await expect(kids.minutesLeft).toHaveText('0');
  await kids.askForMoreTime.click();
  await expect(kids.status).toContainText('Waiting for a grown-up');

  // The parent approves in their dashboard.
  await parent.goto();
  await expect(parent.requests).toContainText(`${child.name} asks for 15 more minutes`);
  await parent.approveRequestOf(child.name);
  await expect(parent.requests).toContainText('No open requests.');

  // The child sees the answer without reloading and reads on.
  await expect(kids.status).toHaveText('Yes! A grown-up gave you 15 more minutes.', { timeout: 2_000 });
  await expect(kids.minutesLeft).toHaveText('15');
  await kids.readOn.click();
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  await expect(kids.minutesLeft).toHaveText('15');

  await parent.goto();
  await expect(parent.childStatus(child.name)).toContainText('1 of 16 minutes today');
  await kidContext.close();
});
