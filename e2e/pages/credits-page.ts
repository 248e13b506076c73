import type { Locator, Page } from '@playwright/test';

/** /credits, the sandbox checkout page and /credits/billing. */
export class CreditsPage {
  readonly balance: Locator;
  readonly paidBalance: Locator;
  readonly grantedBalance: Locator;
  readonly history: Locator;
  readonly status: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.balance = page.getByTestId('credit-balance');
    this.paidBalance = page.getByTestId('paid-balance');
    this.grantedBalance = page.getByTestId('granted-balance');
    this.history = page.getByRole('region', { name: 'Recent history' });
    this.status = page.getByRole('main').getByRole('status');
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto() {
    await this.page.goto('/credits');
  }

  async buy(packageName: string) {
    await this.page
      .getByRole('form', { name: `Buy ${packageName}` })
      .getByRole('button', { name: `Buy ${packageName}` })
      .click();
  }

  /** On the sandbox checkout page. */
  async payWith(cardNumber: string) {
    const form = this.page.getByRole('form', { name: 'Pay' });
    await form.getByLabel('Card number').fill(cardNumber);
    await form.getByRole('button', { name: /^Pay / }).click();
  }

  async gotoBilling() {
    await this.page.goto('/credits/billing');
  }

  ledgerRows(): Locator {
    return this.page.getByTestId('ledger-row');
  }

  async filterLedger(reasonLabel: string) {
    const form = this.page.getByRole('form', { name: 'Filter the ledger' });
    await form.getByLabel('What').selectOption({ label: reasonLabel });
    await form.getByRole('button', { name: 'Filter' }).click();
  }

  async downloadCsv() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    return download;
  }

  async claimWelcomeCredits() {
    await this.page.getByRole('button', { name: 'Claim 10 welcome credits' }).click();
  }

  async createAccount({ email, password }: { email: string; password: string }) {
    const form = this.page.getByRole('form', { name: 'Create your account' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create my account' }).click();
  }
}
