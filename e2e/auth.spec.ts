import type { Page } from '@playwright/test';
import { expect, type Parent, test } from './fixtures';
import type { AppShell } from './pages/app-shell';
import type { SignUpPage } from './pages/sign-up-page';

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
