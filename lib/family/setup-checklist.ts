export type SetupStep = { id: string; title: string; text: string; href: string; done: boolean };

/**
 * The steps after sign-up: add a child, give consent, set the parent PIN, hand over a device (a live
 * family device that is not revoked). The list is shown until every step is done.
 */
export function setupSteps({
  children,
  hasParentPin,
  hasFamilyDevice,
}: {
  children: { child_id: string; display_name: string; consented: boolean; deactivated: boolean }[];
  hasParentPin: boolean;
  hasFamilyDevice: boolean;
}): SetupStep[] {
  const active = children.filter((c) => !c.deactivated);
  const waiting = active.find((c) => !c.consented);
  return [
    {
      id: 'add-child',
      title: 'Add a child',
      text: 'Their name, birth year, an avatar and a PIN. No e-mail needed.',
      href: '/parent/children/new',
      done: active.length > 0,
    },
    {
      id: 'consent',
      title: 'Give your consent',
      text: waiting
        ? `${waiting.display_name}'s account stays inactive until you agree.`
        : 'Each account stays inactive until you agree.',
      href: waiting
        ? `/parent/children/${waiting.child_id}#consent`
        : active[0]
          ? `/parent/children/${active[0].child_id}#consent`
          : '/parent/children/new',
      done: active.length > 0 && !waiting,
    },
    {
      id: 'parent-pin',
      title: 'Set a parent PIN',
      text: 'Only you know it: it lets a grown-up leave kid mode on a shared device.',
      href: '/parent/family#parent-pin',
      done: hasParentPin,
    },
    {
      id: 'device',
      title: 'Hand over a device',
      text: 'Mark a tablet as a family device so your child signs in with their avatar and PIN.',
      href: '/parent/devices',
      done: hasFamilyDevice,
    },
  ];
}

export function setupComplete(steps: SetupStep[]): boolean {
  return steps.every((step) => step.done);
}
