import type { Locator, Page } from '@playwright/test';

/** /parent: the family dashboard. */
export class ParentPage {
  readonly familyCode: Locator;
  readonly requests: Locator;

  constructor(private readonly page: Page) {
    this.familyCode = page.getByTestId('family-code');
    this.requests = page.getByRole('region', { name: 'Requests' });
  }

  async goto() {
    await this.page.goto('/parent');
  }

  childStatus(name: string): Locator {
    return this.page.getByTestId(`child-status-${name}`);
  }

  async addChild({ name, birthYear, pin }: { name: string; birthYear: number; pin: string }) {
    const form = this.page.getByRole('form', { name: 'Add a child' });
    await form.getByLabel("Child's name").fill(name);
    await form.getByLabel('Birth year').fill(String(birthYear));
    await form.getByLabel("Child's PIN").fill(pin);
    await form.getByRole('button', { name: 'Add child' }).click();
  }

  async giveConsent(name: string) {
    const form = this.page.getByRole('form', { name: `Consent for ${name}` });
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: `Give consent for ${name}` }).click();
  }

  controlsForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Controls for ${name}` });
  }

  async setDailyMinutes(name: string, minutes: number) {
    const form = this.controlsForm(name);
    await form.getByLabel('Daily reading minutes').fill(String(minutes));
    await form.getByRole('button', { name: `Save controls for ${name}` }).click();
  }

  async setParentPin(pin: string) {
    const form = this.page.getByRole('form', { name: 'Parent PIN' });
    await form.getByLabel(/parent PIN/i).fill(pin);
    await form.getByRole('button', { name: /parent PIN/i }).click();
    await form.getByText('Parent PIN saved.').waitFor();
  }

  async approveRequestOf(name: string) {
    await this.page
      .getByRole('form', { name: `Answer ${name}'s request` })
      .getByRole('button', { name: 'Approve' })
      .click();
  }
}
