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

  async goto(path: '/stories' | '/kids/library' = '/stories') {
    await this.page.goto(path);
  }

  card(title: string): Locator {
    return this.page
      .getByTestId('story-card')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async searchFor(query: string) {
    await this.search.getByLabel('Search').fill(query);
    await this.search.getByRole('button', { name: 'Search' }).click();
  }
}
