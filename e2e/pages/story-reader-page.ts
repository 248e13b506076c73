import type { Locator, Page } from '@playwright/test';

/** /stories/[id] and /kids/stories/[id]: one page of a story at a time, its choices, the map. */
export class StoryReaderPage {
  readonly title: Locator;
  readonly storyPage: Locator;
  readonly text: Locator;
  readonly pageNumber: Locator;
  readonly choices: Locator;
  readonly back: Locator;
  readonly map: Locator;
  readonly end: Locator;
  readonly progressBar: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.storyPage = page.getByTestId('story-page');
    this.text = page.getByTestId('story-text');
    this.pageNumber = page.getByTestId('page-number');
    this.choices = page.getByRole('region', { name: 'What happens next?' }).getByRole('button');
    this.back = page.getByRole('navigation', { name: 'Story controls' }).getByRole('button', { name: 'Back' });
    this.map = page.getByTestId('story-map');
    this.end = page.getByTestId('story-end');
    this.progressBar = page.getByRole('progressbar');
  }

  /**
   * The bookmark of a path `pages` long: the reading-path server action's POST, told apart from the
   * bookmark of the page the reader opened on by its body (the story id and one id per page).
   */
  bookmarkSaved(pages: number) {
    return this.page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        r.url() === this.page.url() &&
        (r
          .request()
          .postData()
          ?.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)?.length ?? 0) ===
          pages + 1,
    );
  }

  /** The id of the page on screen (changes with every step). */
  async segmentId(): Promise<string> {
    return (await this.storyPage.getAttribute('data-segment')) ?? '';
  }

  /** The written choices (not the "continue this branch" ones). */
  writtenChoices(): Locator {
    return this.choices.filter({ hasNotText: 'Not written yet' });
  }

  unexploredChoices(): Locator {
    return this.choices.filter({ hasText: 'Not written yet' });
  }

  async openMap() {
    await this.page.getByRole('button', { name: 'Story map' }).click();
  }

  mapNode(name: RegExp): Locator {
    return this.map.getByRole('button', { name });
  }
}
