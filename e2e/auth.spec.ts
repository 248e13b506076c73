import type { Page } from '@playwright/test';
import { expect, type Parent, test } from './fixtures';
import type { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import type { SignUpPage } from './pages/sign-up-page';
import { linkIn, mailCount, waitForMail } from './support/mail-catcher';

async function signUpAndSignOut(page: Page, signUpPage: SignUpPage, shell: AppShell, parent: Parent) {
  await signUpPage.goto();
  await signUpPage.signUp(parent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await shell.signOut();
  await expect(shell.signInLink).toBeVisible();
}

test('a parent signs up and lands on the dashboard, greeted by name', async ({
  page,
  signUpPage,
  dashboard,
  shell,
  newParent,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
  await expect(shell.userName).toHaveText(newParent.displayName);
  await expect(page.getByText(newParent.email)).toBeVisible();
});

test('the session cookie is Lax, Secure in production and lives a week at most', async ({
  page,
  signUpPage,
  newParent,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);

  // sb-<first label of the Supabase host>-auth-token, possibly split into .0, .1 … chunks.
  const session = (await page.context().cookies()).filter((cookie) => /^sb-.+-auth-token(\.\d+)?$/.test(cookie.name));
  expect(session.length).toBeGreaterThan(0);
  const weekFromNow = Date.now() / 1000 + 7 * 24 * 60 * 60;
  for (const cookie of session) {
    expect(cookie).toMatchObject({ sameSite: 'Lax', secure: true, path: '/' });
    expect(cookie.expires).toBeGreaterThan(Date.now() / 1000);
    expect(cookie.expires).toBeLessThanOrEqual(weekFromNow + 60);
  }
});

test('an expiring session is refreshed by the proxy and the user stays signed in', async ({
  page,
  signUpPage,
  dashboard,
  newParent,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);

  // Make the stored session look as if its access token expires now: the next request must refresh it.
  const context = page.context();
  const [cookie] = (await context.cookies()).filter((c) => /^sb-.+-auth-token$/.test(c.name));
  const decode = (value: string) => JSON.parse(Buffer.from(value.replace(/^base64-/, ''), 'base64url').toString());
  const session = decode(cookie.value);
  const expiring = { ...session, expires_at: Math.floor(Date.now() / 1000) };
  await context.addCookies([
    { ...cookie, value: `base64-${Buffer.from(JSON.stringify(expiring)).toString('base64url')}` },
  ]);

  await dashboard.goto();
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
  const [refreshed] = (await context.cookies()).filter((c) => c.name === cookie.name);
  const next = decode(refreshed.value);
  expect(next.refresh_token).not.toBe(session.refresh_token);
  expect(next.expires_at).toBeGreaterThan(expiring.expires_at);

  // The rotated refresh token is the one the browser now holds, and it keeps working.
  await page.reload();
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
});

test('signing up twice with one e-mail says the account exists', async ({ page, signUpPage, shell, newParent }) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);

  await signUpPage.goto();
  await signUpPage.signUp({ ...newParent, displayName: 'Someone Else' });

  await expect(signUpPage.alert).toHaveText('An account with this e-mail already exists.');
  await expect(page).toHaveURL(/\/sign-up$/);
});

test('signing out ends the session', async ({ page, signUpPage, dashboard, shell, newParent }) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);

  await shell.signOut();

  await expect(page).toHaveURL(/\/$/);
  await expect(shell.signInLink).toBeVisible();
  await expect(shell.signOutButton).toHaveCount(0);
  // The cookie is gone too, not just the button: the dashboard is closed again.
  await dashboard.goto();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
});

test('the dashboard sends signed-out visitors to sign in, and back after signing in', async ({
  page,
  signUpPage,
  signInPage,
  dashboard,
  shell,
  newParent,
}) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);

  await dashboard.goto();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();

  await signInPage.signIn(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
});

test('signing in with the wrong password explains what went wrong', async ({
  page,
  signUpPage,
  signInPage,
  shell,
  newParent,
}) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);

  await signInPage.goto();
  await signInPage.signIn({ email: newParent.email, password: 'not-the-password' });

  await expect(signInPage.alert).toHaveText("That e-mail and password don't match.");
  await expect(page).toHaveURL(/\/sign-in$/);
  // What the user typed survives the failed attempt.
  await expect(page.getByLabel('E-mail')).toHaveValue(newParent.email);
});

test('a parent signs in with the right password', async ({
  page,
  signUpPage,
  signInPage,
  dashboard,
  shell,
  newParent,
}) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);

  await signInPage.goto();
  await signInPage.signIn({ email: newParent.email.toUpperCase(), password: newParent.password });

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
  await expect(shell.userName).toHaveText(newParent.displayName);
});

test('the seeded demo parent can sign in', async ({ page, signInPage, dashboard }) => {
  await signInPage.goto();
  await signInPage.signIn({ email: 'demo@taleforge.test', password: 'taleforge-demo' });

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(dashboard.heading).toHaveText('Welcome, Demo Parent');
});

test('the sign-up form checks its fields before sending them', async ({ page, signUpPage }) => {
  await signUpPage.goto();
  await signUpPage.signUp({ displayName: ' ', email: 'not-an-email', password: 'short' });

  await expect(page.getByText('Please tell us what to call you.')).toBeVisible();
  await expect(page.getByText('Please enter a valid e-mail address.')).toBeVisible();
  await expect(page.getByText('Please use at least 8 characters for your password.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test('a parent who forgot their password gets a link by e-mail, sets a new one and signs in with it', async ({
  page,
  signUpPage,
  signInPage,
  dashboard,
  shell,
  newParent,
}) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);

  await signInPage.goto();
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText('Please enter your e-mail address.')).toBeVisible();

  // An address without an account gets the same answer, and no mail.
  const nobody = `nobody-${newParent.email}`;
  await page.getByLabel('E-mail').fill(nobody);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  const sent = page.getByRole('main').getByRole('status');
  await expect(sent).toContainText('If an account uses that address');

  await page.getByLabel('E-mail').fill(newParent.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(sent).toContainText('If an account uses that address');
  const mail = await waitForMail(newParent.email);
  expect(mail.Subject).toBe('Reset Your Password');
  expect(await mailCount(nobody)).toBe(0);

  // The link signs the parent in on this browser and opens the new-password form.
  const link = linkIn(mail);
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password$/);
  const newPassword = `new-${newParent.password}`;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(`${newPassword}x`);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/dashboard\?password=changed$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Your password was changed.');

  // The old password no longer works, the new one does, and the link cannot be used twice.
  await shell.signOut();
  await signInPage.goto();
  await signInPage.signIn(newParent);
  await expect(signInPage.alert).toHaveText("That e-mail and password don't match.");
  await expect(page.getByLabel('Password')).toHaveValue('');
  await signInPage.signIn({ email: newParent.email, password: newPassword });
  await expect(dashboard.heading).toHaveText(`Welcome, ${newParent.displayName}`);
  await shell.signOut();
  await expect(shell.signInLink).toBeVisible();
  await page.goto(link);
  // Auth puts its own error in the fragment; the page reads only ?link=invalid.
  await expect(page).toHaveURL(/\/sign-in\?link=invalid(#.*)?$/);
  await expect(signInPage.alert).toContainText('That link has expired or was already used.');
});

test('the new-password page and the family pages need a session, and send the parent back after signing in', async ({
  page,
  signUpPage,
  signInPage,
  shell,
  newParent,
}) => {
  await signUpAndSignOut(page, signUpPage, shell, newParent);
  await page.goto('/reset-password');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freset-password$/);
  await page.goto('/parent/family');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fparent%2Ffamily$/);
  await signInPage.signIn(newParent);
  await expect(page).toHaveURL(/\/parent\/family$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Family settings');
});

test('the theme a parent picks is remembered by their profile and painted by the server', async ({
  page,
  browser,
  signUpPage,
  newParent,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  // A click before the picker has hydrated does nothing: pick again until the choice has been saved
  // (the page paints it at once, the profile is written by the action that follows; reload after it).
  await expect(async () => {
    const saved = page.waitForResponse(
      // The theme's own action (its argument is the choice), not another action the page runs meanwhile.
      (r) =>
        r.request().method() === 'POST' &&
        r.request().headers()['next-action'] !== undefined &&
        (r.request().postData() ?? '').includes('dark'),
      { timeout: 3_000 },
    );
    await page.getByText('Dark', { exact: true }).click();
    await saved;
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  // Another device: the first HTML the server sends already says dark (no flash of the light theme).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/sign-in');
  await new SignInPage(otherPage).signIn(newParent);
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  const html = await (await otherPage.request.get('/dashboard')).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await other.close();
});
