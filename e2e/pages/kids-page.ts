import type { Locator, Page } from '@playwright/test';

/** /kids (sign-in) and /kids/read (the reading timer). */
export class KidsPage {
  readonly heading: Locator;
  readonly minutesLeft: Locator;
  readonly startReading: Locator;
  readonly askForMoreTime: Locator;
  readonly alert: Locator;
  readonly moreTime: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.minutesLeft = page.getByTestId('minutes-left');
    this.startReading = page.getByRole('button', { name: 'Start reading' });
    this.askForMoreTime = page.getByRole('button', { name: 'Ask for more time' });
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
    this.moreTime = page.getByTestId('more-time');
  }

  async goto() {
    await this.page.goto('/kids');
  }

  async signIn({ familyCode, name, pin }: { familyCode: string; name: string; pin: string }) {
    await this.page.getByLabel('Family code').fill(familyCode);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Your PIN').fill(pin);
    await this.page.getByRole('button', { name: "Let's read!" }).click();
  }
}
