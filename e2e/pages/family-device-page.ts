import type { Locator, Page } from '@playwright/test';

/** /kids/device (a parent hands the device over) and /kids on a family device (avatars + PIN pad). */
export class FamilyDevicePage {
  readonly whoIsReading: Locator;
  readonly devices: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.whoIsReading = page.getByRole('heading', { name: "Who's reading today?" });
    this.devices = page.getByRole('list', { name: 'Family devices' });
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async gotoSetup() {
    await this.page.goto('/kids/device');
  }

  async setParentPin(pin: string) {
    const form = this.page.getByRole('form', { name: 'Set a parent PIN' });
    await form.getByLabel('Parent PIN').fill(pin);
    await form.getByRole('button', { name: 'Set parent PIN' }).click();
  }

  async markDevice(name: string) {
    const form = this.page.getByRole('form', { name: 'Make this a family device' });
    await form.getByLabel('Device name').fill(name);
    await form.getByRole('button', { name: 'Make this a family device' }).click();
  }

  avatar(childName: string): Locator {
    return this.page.getByRole('list', { name: "Who's reading?" }).getByRole('button', { name: childName });
  }

  /** Taps the digits on the number pad, then Go. */
  async typePin(pin: string) {
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'Go' }).click();
  }

  async revoke(deviceName: string) {
    await this.devices.getByRole('button', { name: `Revoke ${deviceName}` }).click();
  }
}
