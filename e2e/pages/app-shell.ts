import { expect, type Locator, type Page } from '@playwright/test';

/** The navigation bar every page shares. */
export class AppShell {
  readonly nav: Locator;
  readonly signInLink: Locator;
  readonly signUpLink: Locator;
  readonly signOutButton: Locator;
  readonly userName: Locator;

  constructor(page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signInLink = this.nav.getByRole('link', { name: 'Sign in' });
    this.signUpLink = this.nav.getByRole('link', { name: 'Sign up' });
    this.signOutButton = this.nav.getByRole('button', { name: 'Sign out' });
    this.userName = this.nav.getByTestId('nav-user-name');
  }

  /** Signs out and waits until it took: a navigation right after the click could still carry the session. */
  async signOut() {
    await this.signOutButton.click();
    await expect(this.signInLink).toBeVisible();
  }
}
