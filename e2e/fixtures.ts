import { randomUUID } from 'node:crypto';
import { test as base } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { DashboardPage } from './pages/dashboard-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';

export type Parent = { displayName: string; email: string; password: string };

type Fixtures = {
  shell: AppShell;
  signUpPage: SignUpPage;
  signInPage: SignInPage;
  dashboard: DashboardPage;
  /** Credentials nobody has used yet: every test gets its own account. */
  newParent: Parent;
};

export const test = base.extend<Fixtures>({
  shell: async ({ page }, use) => use(new AppShell(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern here, even an empty one.
  newParent: async ({}, use) => {
    const id = randomUUID().slice(0, 8);
    await use({
      displayName: `Parent ${id}`,
      email: `parent-${id}@e2e.taleforge.test`,
      password: `pw-${randomUUID()}`,
    });
  },
});

export { expect } from '@playwright/test';
