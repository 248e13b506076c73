import type { Locator, Page } from '@playwright/test';

/** /stories (a parent's library) and /kids/library (a child's). */
export class LibraryPage {
  readonly results: Locator;
  readonly familyStories: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.results = page.getByTestId('library-results');
    this.familyStories = page.getByTestId('family-stories');
    this.search = page.getByRole('search', { name: 'Search stories' });
  }

  async goto(path: '/stories' | '/stories/trash' | '/kids/library' | '/moderation' = '/stories') {
    await this.page.goto(path);
  }

  card(title: string): Locator {
    return this.page
      .getByTestId('story-card')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** A card on the family's own shelf or in its trash (the same story may also be a search result). */
  shelfCard(title: string): Locator {
    return this.page
      .locator('[data-testid="family-stories"], [data-testid="trashed-stories"]')
      .getByTestId('story-card')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** A family story's "Manage" panel on its card, opened. */
  async manage(title: string): Promise<Locator> {
    const panel = this.shelfCard(title).getByTestId('manage-story');
    await panel.locator('summary').click();
    return panel;
  }

  async rename(title: string, newTitle: string) {
    const panel = await this.manage(title);
    const form = panel.getByRole('form', { name: `Rename “${title}”` });
    await form.getByLabel('Title').fill(newTitle);
    await form.getByRole('button', { name: 'Rename' }).click();
    return form;
  }

  /** Sends one of a card's one-button forms (trash, restore, ask for the public library, remix). */
  async press(title: string, formName: string, button: string) {
    await this.shelfCard(title).getByRole('form', { name: formName }).getByRole('button', { name: button }).click();
  }

  async searchFor(query: string) {
    await this.search.getByLabel('Search').fill(query);
    await this.search.getByRole('button', { name: 'Search' }).click();
  }
}
