import { expect, type Locator, type Page } from '@playwright/test';

/** /parent/children/[id]: one child's controls, name and avatar, consent, PIN, activity, deactivation. */
export class ChildPage {
  readonly heading: Locator;
  readonly activity: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.activity = page.getByRole('region', { name: 'Activity' });
  }

  async giveConsent(name: string) {
    const form = this.page.getByRole('form', { name: `Consent for ${name}` });
    // The panel may still be re-rendering from the previous answer: a re-mounted form's box is
    // unticked again, the click then sends nothing (the schema refuses an unticked box). Tick and
    // click again until the click has sent the action, never twice once it has.
    await expect(async () => {
      await form.getByRole('checkbox').check();
      const sent = this.page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined, {
        timeout: 3_000,
      });
      await form.getByRole('button', { name: `Give consent for ${name}` }).click();
      await sent;
    }).toPass({ timeout: 20_000 });
  }

  async withdrawConsent(name: string) {
    const form = this.page.getByRole('form', { name: `Withdraw consent for ${name}` });
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Withdraw consent' }).click();
  }

  controlsForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Controls for ${name}` });
  }

  async setDailyMinutes(name: string, minutes: number | string) {
    const form = this.controlsForm(name);
    await form.getByLabel('Daily reading minutes').fill(String(minutes));
    await form.getByRole('button', { name: 'Save controls' }).click();
  }

  profileForm(): Locator {
    return this.page.getByRole('form', { name: 'Name and avatar' });
  }

  async rename(newName: string, avatar?: string) {
    const form = this.profileForm();
    await form.getByLabel('Name', { exact: true }).fill(newName);
    // The radio itself is visually hidden; people click its picture (the label).
    if (avatar)
      await form
        .locator('label')
        .filter({ has: this.page.getByRole('radio', { name: avatar }) })
        .click();
    await form.getByRole('button', { name: 'Save name and avatar' }).click();
  }

  async deactivate(name: string) {
    const form = this.page.getByRole('form', { name: `Deactivate ${name}` });
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: `Deactivate ${name}` }).click();
  }

  reactivateForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Reactivate ${name}` });
  }

  async setPin(name: string, pin: string) {
    const form = this.page.getByRole('form', { name: `New PIN for ${name}` });
    await form.getByLabel(`New PIN for ${name}`).fill(pin);
    await form.getByRole('button', { name: 'Change PIN' }).click();
  }
}
