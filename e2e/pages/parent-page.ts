import type { Locator, Page } from '@playwright/test';

/** /parent: one summary card per child, the setup checklist, and the section tabs. */
export class ParentPage {
  readonly familyCode: Locator;
  readonly checklist: Locator;
  readonly sections: Locator;

  constructor(private readonly page: Page) {
    this.familyCode = page.getByTestId('family-code');
    this.checklist = page.getByRole('region', { name: 'Getting started' });
    this.sections = page.getByRole('navigation', { name: 'Family' });
  }

  async goto() {
    await this.page.goto('/parent');
  }

  /** A child's summary card (on /parent) or status card (on the child's page). */
  childStatus(name: string): Locator {
    return this.page.getByTestId(`child-status-${name}`);
  }

  /** Adds a child from its own page; the app then opens the new child's page. */
  async addChild({
    name,
    birthYear,
    pin,
    avatar,
  }: {
    name: string;
    birthYear: number | string;
    pin: string;
    avatar?: string;
  }) {
    await this.page.goto('/parent/children/new');
    const form = this.page.getByRole('form', { name: 'Add a child' });
    await form.getByLabel("Child's name").fill(name);
    await form.getByLabel('Birth year').fill(String(birthYear));
    await form.getByLabel("Child's PIN").fill(pin);
    if (avatar)
      await form
        .locator('label')
        .filter({ has: this.page.getByRole('radio', { name: avatar }) })
        .click();
    await form.getByRole('button', { name: 'Add child' }).click();
  }

  async openChild(name: string) {
    await this.childStatus(name)
      .getByRole('link', { name: new RegExp(`^${name}`) })
      .click();
  }

  requestForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Answer ${name}'s request` });
  }

  async approveRequestOf(name: string, minutes?: 15 | 30 | 60) {
    const form = this.requestForm(name);
    if (minutes) await form.getByText(`${minutes} min`, { exact: true }).click();
    await form.getByRole('button', { name: 'Approve' }).click();
  }

  async denyRequestOf(name: string) {
    await this.requestForm(name).getByRole('button', { name: 'Not today' }).click();
  }

  pauseButton(name: string): Locator {
    return this.page.getByRole('form', { name: `Pause or resume ${name}` }).getByRole('button');
  }
}
