import { randomUUID } from 'node:crypto';
import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures';
import { ChildPage } from './pages/child-page';
import { FamilyDevicePage } from './pages/family-device-page';
import { KidsPage } from './pages/kids-page';
import { ParentPage } from './pages/parent-page';
import { SignInPage } from './pages/sign-in-page';

// A device a child can use alone: a parent marks the tablet as a family device (setting a parent PIN
// first), the child taps their avatar and types their PIN on the pad, reads, and the parent's pause and
// resume from another browser reach the tablet within 2 s. The child stays in kid mode.
test.use({ viewport: { width: 820, height: 1180 }, timezoneId: 'Europe/London' });

test('a family device: avatar and PIN pad, live pause and resume, kid mode holds until the parent PIN', async ({
  page: tablet,
  browser,
  signUpPage,
  newParent,
}) => {
  test.setTimeout(150_000);
  const child = { name: `Kid${randomUUID().slice(0, 5)}`, birthYear: new Date().getFullYear() - 6, pin: '4321' };
  const parentPin = '9753';
  const device = new FamilyDevicePage(tablet);
  const kids = new KidsPage(tablet);

  // The tablet's realtime socket goes through the test, so the test can drop it (and refuse reconnects).
  const sockets: WebSocketRoute[] = [];
  let realtimeDown = false;
  await tablet.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
    if (realtimeDown) return void ws.close();
    sockets.push(ws);
    ws.connectToServer();
  });

  // On the tablet: the parent signs up, adds and consents for a child.
  await signUpPage.goto();
  await signUpPage.signUp(newParent);
  await expect(tablet).toHaveURL(/\/dashboard$/);
  const parentOnTablet = new ParentPage(tablet);
  await parentOnTablet.addChild(child);
  await expect(tablet).toHaveURL(/\/parent\/children\/[0-9a-f-]+/);
  await new ChildPage(tablet).giveConsent(child.name);
  await expect(parentOnTablet.childStatus(child.name)).toContainText('Can read');

  // /kids offers to hand the device over; the flow asks for a parent PIN first, then a name.
  await kids.goto();
  await tablet.getByRole('link', { name: 'Family device settings' }).click();
  await expect(tablet).toHaveURL(/\/kids\/device$/);
  await device.setParentPin('12');
  await expect(tablet.getByText('A PIN is 4 to 6 digits.')).toBeVisible();
  await device.setParentPin(parentPin);
  await device.markDevice('Kitchen tablet');

  // The tablet is a family device now, and the parent is signed out of it.
  await expect(tablet).toHaveURL(/\/kids$/);
  await expect(device.whoIsReading).toBeVisible();
  await expect(tablet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  const cookie = (await tablet.context().cookies()).find((c) => c.name === 'tf_family_device');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(await tablet.evaluate(() => document.cookie)).not.toContain('tf_family_device');

  // The child taps their picture and types their PIN on the pad: a wrong one is cleared, the right one opens.
  await device.avatar(child.name).click();
  await device.typePin('1111');
  await expect(device.alert).toHaveText("That PIN isn't right. You can try 4 more times.");
  await expect(tablet.getByRole('button', { name: 'Go' })).toBeDisabled();
  await device.typePin(child.pin);
  await expect(tablet).toHaveURL(/\/kids\/read$/);
  await expect(kids.heading).toContainText(`Hi, ${child.name}!`);
  await expect(tablet.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

  // The child reads: "Start reading" opens a story, and the time counts while it is open.
  await kids.startReading.click();
  await expect(tablet).toHaveURL(/\/kids\/stories\/[0-9a-f-]+$/);
  await expect(kids.status).toHaveText('Reading… enjoy your story!');
  // The countdown between beats never adds time (it once showed "61 minutes left today (of 60)").
  await tablet.waitForTimeout(2_000);
  await expect(tablet.getByText('minutes left today (of 60)')).toBeVisible();
  await expect(kids.minutesLeft).toHaveText('60');

  // The parent, in another browser, pauses: the tablet shows it within 2 s, then resumes.
  const parentContext = await browser.newContext();
  const parentPage = await parentContext.newPage();
  const signIn = new SignInPage(parentPage);
  await signIn.goto();
  await signIn.signIn(newParent);
  await expect(parentPage).toHaveURL(/\/dashboard$/);
  const parent = new ParentPage(parentPage);
  await parent.goto();
  await expect(parentPage.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  await parent.pauseButton(child.name).click();
  await expect(kids.status).toHaveText('A grown-up has paused reading for now.', { timeout: 2_000 });
  await expect(parent.pauseButton(child.name)).toHaveText('Resume');
  await parent.pauseButton(child.name).click();
  await expect(kids.status).toHaveText('Reading… enjoy your story!', { timeout: 2_000 });
  await expect(parent.pauseButton(child.name)).not.toHaveText('Resume');

  // The realtime connection drops while the child is not reading (so no heartbeat can tell either): a
  // pause made meanwhile is missed, and shows once the connection is back (re-fetch on rejoin).
  // "Stop reading" goes back to the kid home, where no time counts.
  await kids.stopReading.click();
  await expect(tablet).toHaveURL(/\/kids\/read$/);
  await expect(kids.status).toHaveText('Ready when you are!');
  await expect(tablet.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  realtimeDown = true;
  for (const ws of sockets.splice(0)) await ws.close();
  await expect(tablet.getByTestId('live-status')).not.toHaveAttribute('data-status', 'live');
  await parent.pauseButton(child.name).click();
  await expect(parent.pauseButton(child.name)).toHaveText('Resume');
  await tablet.waitForTimeout(1_500);
  await expect(kids.status).toHaveText('Ready when you are!');
  realtimeDown = false;
  await expect(kids.status).toHaveText('A grown-up has paused reading for now.', { timeout: 20_000 });
  await expect(tablet.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  await parent.pauseButton(child.name).click();
  await expect(kids.status).toHaveText('Ready when you are!', { timeout: 2_000 });

  // Kid mode: grown-up routes lead back to the kid home, and so does the logo.
  for (const path of ['/parent', '/dashboard', '/', '/sign-in', '/kids/device']) {
    await tablet.goto(path);
    await expect(tablet).toHaveURL(/\/kids\/read$/);
  }
  await tablet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tale Forge' }).click();
  await expect(tablet).toHaveURL(/\/kids\/read$/);

  // Leaving kid mode needs the parent PIN; the child's PIN is not it.
  await kids.leaveKidMode(child.pin);
  await expect(kids.alert).toHaveText('That is not the parent PIN.');
  await expect(tablet).toHaveURL(/\/kids\/read$/);
  await kids.leaveKidMode(parentPin);
  await expect(tablet).toHaveURL(/\/kids$/);
  await expect(device.whoIsReading).toBeVisible();

  // The parent revokes the device from their own browser: the tablet is an ordinary device again.
  const setup = new FamilyDevicePage(parentPage);
  await setup.gotoSetup();
  await setup.revoke('Kitchen tablet');
  await expect(setup.devices).toContainText('Revoked');
  await tablet.reload();
  await expect(kids.heading).toContainText('Hello, reader!');
  await expect(tablet.getByLabel('Family code')).toBeVisible();
  await parentContext.close();
});
