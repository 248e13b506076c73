import type { Locator, Page } from '@playwright/test';

export class SignInPage {
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto() {
    await this.page.goto('/sign-in');
  }

  async signIn({ email, password }: { email: string; password: string }) {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
