import { expect, type Locator, type Page } from '@playwright/test';

/** /stories/new (a parent) and /kids/create (a child): the creation wizard and the job's progress. */
export class StoryWizardPage {
  readonly form: Locator;
  readonly priceList: Locator;
  readonly credits: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Create a story' });
    this.priceList = page.getByTestId('price-list');
    this.credits = page.getByTestId('credits-available');
    this.progress = page.getByTestId('job-progress');
    this.progressBar = page.getByRole('progressbar');
    // Scoped to <main>: Next.js adds its own (empty) role=alert route announcer to every page.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto(path: '/stories/new' | '/kids/create' = '/stories/new') {
    await this.page.goto(path);
  }

  async pickTemplate(title: string) {
    await this.form.getByRole('radio', { name: new RegExp(title) }).check();
  }

  async ownIdea(prompt: string) {
    await this.form.getByText('My own idea').click();
    await this.form.getByLabel('What should happen in your story?').fill(prompt);
  }

  async pickCharacters(...names: string[]) {
    // The box itself is visually hidden inside its chip; a person presses the chip (its label).
    for (const name of names) {
      const cast = new RegExp(`^${name}\\s`);
      // The inner locator of `has` is queried inside each label, so it starts at the page.
      await this.form
        .locator('label')
        .filter({ has: this.page.getByRole('checkbox', { name: cast }) })
        .click();
      await expect(this.form.getByRole('checkbox', { name: cast })).toBeChecked();
    }
  }

  async submit() {
    await this.form.getByRole('button', { name: /Write my story/ }).click();
  }
}
