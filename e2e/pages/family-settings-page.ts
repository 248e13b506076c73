import type { Locator, Page } from '@playwright/test';

/** /parent/family: members, invite codes, parent PIN, name and time zone, the family's activity. */
export class FamilySettingsPage {
  readonly settingsForm: Locator;
  readonly inviteCodes: Locator;
  readonly activity: Locator;

  constructor(private readonly page: Page) {
    this.settingsForm = page.getByRole('form', { name: 'Family settings' });
    this.inviteCodes = page.getByTestId('invite-code');
    this.activity = page.getByRole('region', { name: 'Activity' });
  }

  async goto() {
    await this.page.goto('/parent/family');
  }

  async createInvite() {
    await this.page.getByRole('form', { name: 'Invite a second parent' }).getByRole('button').click();
  }

  async withdrawInvite(code: string) {
    await this.page
      .getByRole('form', { name: `Withdraw invite code ${code}` })
      .getByRole('button')
      .click();
  }

  async setParentPin(pin: string) {
    const form = this.page.getByRole('form', { name: 'Parent PIN' });
    await form.getByLabel(/Parent PIN/).fill(pin);
    await form.getByRole('button', { name: /parent PIN/ }).click();
  }
}
