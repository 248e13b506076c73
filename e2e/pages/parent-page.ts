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

  /** "Pause now" for that child, saved. */
  async setPaused(name: string, paused: boolean) {
    const form = this.controlsForm(name);
    await form.getByLabel('Paused').setChecked(paused);
    // Done when the server action has answered (a "Saved." from an earlier save may still be showing).
    const saved = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.ok());
    await form.getByRole('button', { name: `Save controls for ${name}` }).click();
    await saved;
  }

  async approveRequestOf(name: string) {
    await this.page
      .getByRole('form', { name: `Answer ${name}'s request` })
      .getByRole('button', { name: 'Approve' })
      .click();
  }
}
