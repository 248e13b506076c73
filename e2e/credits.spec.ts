import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ChildPage } from './pages/child-page';
import { CreditsPage } from './pages/credits-page';
import { FamilySettingsPage } from './pages/family-settings-page';
import { KidCreditsPage } from './pages/kid-credits-page';
import { KidsPage } from './pages/kids-page';
import { ParentPage } from './pages/parent-page';

// Credits as a family uses them: buying in the sandbox (declined, then paid), the ledger and its CSV, a
// child's spend above the allowance approved by a parent, and a guest's trial and sign-up.
test.use({ timezoneId: 'Europe/Berlin' });

const DECLINED = '4000 0000 0000 0002';
const SUCCEEDS = '4242 4242 4242 4242';

test('a parent buys credits in the sandbox (declined, then paid), sees balance and ledger, downloads the CSV', async ({
  page,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(120_000);
  const credits = new CreditsPage(page);
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await credits.goto();
  // Every family starts with the Free plan's month.
  await expect(credits.balance).toHaveText('10');
  await expect(credits.grantedBalance).toHaveText('10 credits');

  await credits.buy('Starter');
  await expect(page).toHaveURL(/\/checkout\/sandbox\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('checkout-price')).toHaveText('€4.99');
  await credits.payWith(DECLINED);
  await expect(credits.alert).toHaveText('Your card was declined. Try another card.');
  await credits.payWith(SUCCEEDS);
  await expect(page).toHaveURL(/\/credits\?purchase=/);
  await expect(credits.status).toContainText('Your payment went through');
  // 100 bought; this fresh stack's first paying families are founders (+20 %, its own ledger line).
  await expect(credits.paidBalance).toHaveText('100 credits');
  await expect(credits.balance).toHaveText('130');
  await expect(page.getByTestId('founder-badge')).toContainText('Founder #');
  await expect(credits.history).toContainText('Purchase');
  await expect(credits.history).toContainText('Bought Starter');
  await expect(credits.history).toContainText('Founder bonus');

  await credits.gotoBilling();
  await expect(credits.ledgerRows()).toHaveCount(3);
  await expect(page.getByTestId('purchases')).toContainText('Paid');
  await credits.filterLedger('Purchase');
  await expect(page).toHaveURL(/reason=purchase/);
  await expect(credits.ledgerRows()).toHaveCount(1);
  const download = await credits.downloadCsv();
  expect(download.suggestedFilename()).toMatch(/^tale-forge-credits-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('#,Date,What,Credits,Paid,Granted,Balance after,Note,By,Reference,Story job');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^2,.*,Purchase,100,100,0,110,Bought Starter,Parent [0-9a-f]+,payment:sbx_pi_/);
});

test("a child's spend above the allowance waits for a parent and goes through once approved", async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(150_000);
  const parent = new ParentPage(page);
  const childPage = new ChildPage(page);
  const settings = new FamilySettingsPage(page);
  const credits = new CreditsPage(page);
  const child = { name: `Kid${randomUUID().slice(0, 5)}`, birthYear: new Date().getFullYear() - 8, pin: '1357' };

  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await credits.goto();
  await credits.buy('Starter');
  await credits.payWith(SUCCEEDS);
  await expect(credits.status).toContainText('Your payment went through');
  const startBalance = Number(await credits.balance.textContent());

  await parent.addChild(child);
  await childPage.giveConsent(child.name);
  await expect(parent.childStatus(child.name)).toContainText('Can read');
  const controls = childPage.controlsForm(child.name);
  await controls.getByLabel('Monthly credit allowance').fill('10');
  await controls.getByRole('button', { name: 'Save controls' }).click();
  await expect(controls.getByRole('status')).toHaveText('Saved.');
  await settings.goto();
  await settings.setParentPin('2468');
  await parent.goto();
  const familyCode = (await parent.familyCode.textContent())?.trim() ?? '';

  // The child, on a tablet.
  const kidContext = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const kidPage = await kidContext.newPage();
  const kids = new KidsPage(kidPage);
  const kidCredits = new KidCreditsPage(kidPage);
  await kids.goto();
  await kids.signIn({ familyCode, name: child.name, pin: child.pin });
  await expect(kidPage).toHaveURL(/\/kids\/read$/);
  await kidPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My credits' }).click();
  await expect(kidCredits.creditsLeft).toHaveText('10');
  await kidCredits.spend(5, 'A story about owls');
  await expect(kidCredits.status).toHaveText('You used 5 credits. Have fun!');
  await expect(kidCredits.creditsLeft).toHaveText('5');
  await kidCredits.spend(20, 'The big dragon book');
  await expect(kidCredits.status).toHaveText('We asked a grown-up. Wait for their answer!');
  await expect(kidCredits.request).toContainText(
    'Waiting for a grown-up to say yes to 20 credits for “The big dragon book”',
  );

  // The parent answers on the family page; the child's screen follows without a reload.
  await parent.goto();
  await expect(parent.requestForm(child.name)).toContainText(`${child.name} asks to spend 20 credits`);
  await parent.approveRequestOf(child.name);
  await expect(parent.requestForm(child.name)).toHaveCount(0);
  await expect(kidCredits.request).toHaveCount(0, { timeout: 15_000 });
  await expect(kidCredits.creditsLeft).toHaveText('0');

  await credits.goto();
  await expect(credits.balance).toHaveText(String(startBalance - 25));
  await expect(credits.history).toContainText('The big dragon book');
  await credits.gotoBilling();
  await expect(page.getByTestId(`credit-month-${child.name}`)).toContainText('25 of 10 credits this month');
  await kidContext.close();
});

test('a guest claims the welcome credits once, and signing up keeps them', async ({ page, shell, newParent }) => {
  test.setTimeout(120_000);
  const credits = new CreditsPage(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Try it as a guest' }).click();
  await expect(page).toHaveURL(/\/credits$/);
  await expect(credits.balance).toHaveText('0');
  await credits.claimWelcomeCredits();
  await expect(page.getByTestId('trial-claimed')).toBeVisible();
  await expect(credits.balance).toHaveText('10');
  await expect(page.getByRole('button', { name: 'Claim 10 welcome credits' })).toHaveCount(0);
  // Guests cannot buy: there are no packages to buy until they sign up.
  await expect(page.getByRole('form', { name: 'Buy Starter' })).toHaveCount(0);

  await credits.createAccount({ email: newParent.email, password: newParent.password });
  await expect(credits.status).toContainText('Your account is ready');
  // The welcome credits stayed; the Free plan's month came with the account.
  await expect(credits.balance).toHaveText('20');
  await expect(page.getByTestId('current-plan')).toContainText('Free');
  await expect(page.getByRole('form', { name: 'Buy Starter' })).toBeVisible();

  // Another guest on this same device cannot claim the welcome credits again.
  await shell.signOut();
  await page.goto('/');
  await page.getByRole('button', { name: 'Try it as a guest' }).click();
  await expect(page).toHaveURL(/\/credits$/);
  await credits.claimWelcomeCredits();
  await expect(credits.alert).toHaveText('The welcome credits were already claimed on this device or account.');
  await expect(credits.balance).toHaveText('0');
});
