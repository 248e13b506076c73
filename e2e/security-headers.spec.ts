import { expect, test } from './fixtures';
import { ParentPage } from './pages/parent-page';

// The headers of lib/security/security-headers.ts reach the browser, the signed-in parent dashboard
// cannot be framed by another page of the same site, and the app still hydrates with the script nonce.

/** A page of the same site (127.0.0.1, another port) that tries to frame the dashboard. */
const FRAMER = 'http://127.0.0.1:9/framer';

test('the parent dashboard is served with the security headers and a fresh nonce', async ({
  page,
  signUpPage,
  newParent,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const first = await page.request.get('/parent');
  const second = await page.request.get('/parent');
  const headers = first.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-frame-options']).toBe('DENY');
  const csp = headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  // Every script Next rendered carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test('pages hydrate under the CSP, with no violation reported', async ({ page, signUpPage, newParent }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const parent = new ParentPage(page);
  await parent.goto();
  await expect(parent.familyCode).toBeVisible();
  // The signed-out pages (sign-in, kid sign-in) render and hydrate under the same policy.
  for (const path of ['/kids', '/sign-in']) {
    await page.goto(path);
    await expect(page.getByRole('heading').first()).toBeVisible();
  }
  await parent.goto();
  // React attached itself to the server-rendered DOM: its fiber keys exist only after hydration.
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__react'))),
    )
    .toBe(true);
  expect(violations).toEqual([]);
});

test('another page of the same site cannot frame the signed-in dashboard', async ({
  page,
  signUpPage,
  newParent,
  baseURL,
}) => {
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(page).toHaveURL(/\/dashboard$/);
  const target = `${baseURL}/parent`;
  await page.route(FRAMER, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<h1>Framer</h1><iframe id="victim" src="${target}"></iframe>` }),
  );

  const framed = async () => {
    await page.goto(FRAMER);
    const frame = page.frame({ url: (url) => url.href.startsWith(String(baseURL)) });
    // A frame the browser refused shows its error page instead of the dashboard.
    await page.waitForTimeout(1_500);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    const texts = await Promise.all(
      frames.map((f) =>
        f
          .locator('body')
          .textContent()
          .then((text) => text ?? '')
          .catch(() => ''),
      ),
    );
    return { loaded: frame !== null && texts.some((t) => t.includes('family code') || t.includes('Family code')) };
  };

  expect(await framed()).toEqual({ loaded: false });

  // The check can fail: with the two headers stripped on the way, the same page does frame it.
  await page.route(`${target}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  expect(await framed()).toEqual({ loaded: true });
});
