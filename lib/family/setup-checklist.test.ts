import { describe, expect, it } from 'vitest';
import { setupComplete, setupSteps } from './setup-checklist';

const child = (over: Partial<{ consented: boolean; deactivated: boolean }> = {}) => ({
  child_id: 'c1',
  display_name: 'Mia',
  consented: false,
  deactivated: false,
  ...over,
});

describe('setupSteps', () => {
  it('starts with nothing done and the device step not checkable', () => {
    const steps = setupSteps({ children: [], hasParentPin: false });
    expect(steps.map((s) => [s.id, s.done])).toEqual([
      ['add-child', false],
      ['consent', false],
      ['parent-pin', false],
      ['device', null],
    ]);
    expect(steps.find((s) => s.id === 'device')?.href).toBe('/parent/devices');
    expect(setupComplete(steps)).toBe(false);
  });

  it('checks the device step when told whether the family has a live device', () => {
    const done = (hasFamilyDevice: boolean) =>
      setupSteps({ children: [child({ consented: true })], hasParentPin: true, hasFamilyDevice });
    expect(done(false).find((s) => s.id === 'device')?.done).toBe(false);
    expect(setupComplete(done(false))).toBe(false);
    expect(setupComplete(done(true))).toBe(true);
  });

  it('points the consent step at the child who is waiting', () => {
    const steps = setupSteps({ children: [child()], hasParentPin: false });
    expect(steps[0].done).toBe(true);
    expect(steps[1]).toMatchObject({ done: false, href: '/parent/children/c1#consent' });
    expect(steps[1].text).toContain('Mia');
  });

  it('is complete once every checkable step is done; deactivated children do not count', () => {
    expect(setupComplete(setupSteps({ children: [child({ consented: true })], hasParentPin: true }))).toBe(true);
    expect(setupComplete(setupSteps({ children: [child({ consented: true })], hasParentPin: false }))).toBe(false);
    expect(setupSteps({ children: [child({ deactivated: true })], hasParentPin: true })[0].done).toBe(false);
  });
});
