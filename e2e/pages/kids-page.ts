import type { Locator, Page } from '@playwright/test';

/**
 * /kids (sign-in), /kids/read (the kid home: one status, the time left, stories) and the kid story
 * reader's bar (the same status and time left, "Stop reading" back home, "to be continued").
 */
export class KidsPage {
  readonly heading: Locator;
  readonly minutesLeft: Locator;
  readonly status: Locator;
  readonly startReading: Locator;
  readonly readOn: Locator;
  readonly stopReading: Locator;
  readonly askForMoreTime: Locator;
  readonly toBeContinued: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.minutesLeft = page.getByTestId('minutes-left');
    this.status = page.getByTestId('reading-status');
    // The home's "Start reading" opens a story (where the child left off, or one for them).
    this.startReading = page.getByRole('link', { name: 'Start reading' });
    this.readOn = page.getByRole('button', { name: 'Read on' });
    this.stopReading = page.getByRole('link', { name: 'Stop reading' });
    this.toBeContinued = page.getByTestId('to-be-continued');
    this.askForMoreTime = page.getByRole('button', { name: 'Ask for more time' });
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto() {
    await this.page.goto('/kids');
  }

  /** "Grown-ups: leave kid mode" (unless the form is open already), then the parent PIN. */
  async leaveKidMode(pin: string) {
    const form = this.page.getByRole('form', { name: 'Leave kid mode' });
    if (!(await form.isVisible())) await this.page.getByRole('button', { name: 'Grown-ups: leave kid mode' }).click();
    await form.getByLabel('Parent PIN').fill(pin);
    await form.getByRole('button', { name: 'Leave kid mode' }).click();
  }

  async signIn({ familyCode, name, pin }: { familyCode: string; name: string; pin: string }) {
    await this.page.getByLabel('Family code').fill(familyCode);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Your PIN').fill(pin);
    await this.page.getByRole('button', { name: "Let's read!" }).click();
  }
}
