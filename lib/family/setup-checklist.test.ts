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
  it('starts with nothing done', () => {
    const steps = setupSteps({ children: [], hasParentPin: false, hasFamilyDevice: false });
    expect(steps.map((s) => [s.id, s.done])).toEqual([
      ['add-child', false],
      ['consent', false],
      ['parent-pin', false],
      ['device', false],
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
    const steps = setupSteps({ children: [child()], hasParentPin: false, hasFamilyDevice: false });
    expect(steps[0].done).toBe(true);
    expect(steps[1]).toMatchObject({ done: false, href: '/parent/children/c1#consent' });
    expect(steps[1].text).toContain('Mia');
  });

  it('is complete once every step is done; deactivated children do not count', () => {
    const steps = (over: { consented?: boolean; deactivated?: boolean }, hasParentPin: boolean) =>
      setupSteps({ children: [child(over)], hasParentPin, hasFamilyDevice: true });
    expect(setupComplete(steps({ consented: true }, true))).toBe(true);
    expect(setupComplete(steps({ consented: true }, false))).toBe(false);
    expect(steps({ deactivated: true }, true)[0].done).toBe(false);
  });
});
