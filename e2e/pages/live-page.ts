import type { Locator, Page } from '@playwright/test';

/** /live and /live/[id]: join with a code, start a session, the room (lobby, page, vote, chat, tools). */
export class LivePage {
  readonly room: Locator;
  readonly joinCode: Locator;
  readonly presence: Locator;
  readonly storyPage: Locator;
  readonly choices: Locator;
  readonly countdown: Locator;
  readonly chat: Locator;

  constructor(readonly page: Page) {
    this.room = page.getByTestId('live-room');
    this.joinCode = page.getByTestId('live-join-code');
    this.presence = page.getByRole('list', { name: 'Who is here' });
    this.storyPage = page.getByTestId('story-page');
    this.choices = page.getByRole('list', { name: 'Choices' });
    this.countdown = page.getByTestId('live-countdown');
    this.chat = page.getByRole('log', { name: 'Chat messages' });
  }

  async start(title: string) {
    await this.page.goto('/live');
    await this.page.getByLabel('Title').fill(title);
    await this.page.getByRole('button', { name: 'Start the session' }).click();
    await this.page.waitForURL(/\/live\/[0-9a-f-]{36}$/);
  }

  async joinWith(code: string) {
    await this.page.getByLabel('Join code').fill(code);
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
  }

  choice(label: string): Locator {
    return this.choices.getByRole('button').filter({ hasText: label });
  }

  lobbyStory(title: string): Locator {
    return this.page.getByRole('list', { name: 'Stories to vote on' }).getByRole('button').filter({ hasText: title });
  }

  async segmentId(): Promise<string | null> {
    return this.storyPage.getAttribute('data-segment');
  }
}
