import { expect, type Page } from '@playwright/test';

/**
 * Watches the page for an element that may be on screen too briefly for `toBeVisible()`'s polling to
 * catch (a job's progress bar on a fast machine lives 100–400 ms). Call it before the action that
 * shows the element; `expectSeen()` then asserts it was in the document at some moment. The watch
 * survives client-side navigations (the window stays), not full page loads.
 */
export async function watchForElement(page: Page, selector: string) {
  const flag = `__seen_${selector.replace(/\W/g, '_')}`;
  await page.evaluate(
    ({ selector, flag }) => {
      const record = window as unknown as Record<string, boolean>;
      record[flag] = document.querySelector(selector) !== null;
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          record[flag] = true;
          observer.disconnect();
        }
      });
      if (!record[flag]) observer.observe(document.documentElement, { childList: true, subtree: true });
    },
    { selector, flag },
  );
  return {
    expectSeen: () =>
      expect
        .poll(() => page.evaluate((flag) => (window as unknown as Record<string, boolean>)[flag] === true, flag), {
          message: `${selector} was never shown`,
        })
        .toBe(true),
  };
}
