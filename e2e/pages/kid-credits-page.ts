import type { Locator, Page } from '@playwright/test';

/** /kids/credits: a child's month of credits. */
export class KidCreditsPage {
  readonly creditsLeft: Locator;
  readonly request: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.creditsLeft = page.getByTestId('credits-left');
    this.request = page.getByTestId('spend-request');
    this.status = page.getByRole('form', { name: 'Use credits' }).getByRole('status');
  }

  async goto() {
    await this.page.goto('/kids/credits');
  }

  async spend(amount: number, memo: string) {
    const form = this.page.getByRole('form', { name: 'Use credits' });
    await form.getByLabel('What is it for?').fill(memo);
    await form.getByRole('button', { name: String(amount), exact: true }).click();
  }
}
