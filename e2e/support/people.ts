import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Page } from '@playwright/test';
import type { Parent } from '../fixtures';
import { ChildPage } from '../pages/child-page';
import { FamilySettingsPage } from '../pages/family-settings-page';
import { ParentPage } from '../pages/parent-page';
import { SignUpPage } from '../pages/sign-up-page';

// The people an end-to-end journey needs, made the way a family makes them in the app: grown-ups who
// sign up in browsers of their own, and a child a kid can sign in as.

export const DESKTOP = { width: 1280, height: 900 };
export const TABLET = { width: 768, height: 1024 };
export const PHONE = { width: 390, height: 844 };

export type Kid = { name: string; birthYear: number; pin: string };

/** Credentials nobody has used yet (`label` names them in the page, e.g. "Guest 1a2b3c4d"). */
export function newGrownUp(label = 'Grown-up'): Parent {
  const id = randomUUID().slice(0, 8);
  const slug = label.toLowerCase().replaceAll(' ', '-');
  return { displayName: `${label} ${id}`, email: `${slug}-${id}@e2e.taleforge.test`, password: `pw-${randomUUID()}` };
}

/** A browser of their own in which `who` has just signed up (a new family). */
export async function signedUp(browser: Browser, who: Parent, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(who);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** A child of about eight with a PIN, not added yet. */
export function newKid(): Kid {
  return { name: `Kid${randomUUID().slice(0, 5)}`, birthYear: new Date().getFullYear() - 8, pin: '2468' };
}

/**
 * On a signed-in parent's page: adds the child and consents, then sets the parent PIN (kid sign-in needs
 * one, so a grown-up can always take the device back). Returns the family code a kid signs in with.
 */
export async function childReadyToSignIn(page: Page, child: Kid): Promise<string> {
  const parent = new ParentPage(page);
  await parent.addChild(child);
  await expect(page).toHaveURL(/\/parent\/children\/[0-9a-f-]+\?added=1/);
  await new ChildPage(page).giveConsent(child.name);
  await expect(parent.childStatus(child.name)).toContainText('Can read');
  const settings = new FamilySettingsPage(page);
  await settings.goto();
  await settings.setParentPin('8024');
  await expect(page.getByText('Parent PIN saved.')).toBeVisible();
  await parent.goto();
  return (await parent.familyCode.textContent())?.trim() ?? '';
}

/** How wide the page is laid out: no wider than the screen means nothing scrolls sideways. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
