'use client';

import { CheckCircle2, Circle } from 'lucide-react';
import Link from 'next/link';
import type { ChildOverview } from '@/lib/family/child-status';
import { setupComplete, setupSteps } from '@/lib/family/setup-checklist';
import { useChildrenOverview } from '@/lib/family/use-children-overview';

/** What is left to set up after sign-up; gone once every step is done. */
export function SetupChecklist({
  familyId,
  initialChildren,
  hasParentPin,
  hasFamilyDevice,
}: {
  familyId: string;
  initialChildren: ChildOverview[];
  hasParentPin: boolean;
  hasFamilyDevice: boolean;
}) {
  const { data: children } = useChildrenOverview(familyId, initialChildren);
  const steps = setupSteps({ children, hasParentPin, hasFamilyDevice });
  if (setupComplete(steps)) return null;
  return (
    <section
      aria-labelledby="setup-heading"
      className="rounded-xl border border-accent/30 bg-accent-soft/60 p-4 sm:p-5"
    >
      <h2 id="setup-heading" className="text-base font-semibold">
        Getting started
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((step, index) => {
          const Icon = step.done ? CheckCircle2 : Circle;
          return (
            <li
              key={step.id}
              className="flex items-start gap-2"
              data-testid={`setup-${step.id}`}
              data-done={String(step.done)}
            >
              <Icon
                aria-hidden="true"
                className={`mt-0.5 size-5 shrink-0 ${step.done ? 'text-success' : 'text-ink-subtle'}`}
              />
              <div className="text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {step.done ? (
                    <span>
                      {index + 1}. {step.title} <span className="sr-only">(done)</span>
                    </span>
                  ) : (
                    <Link href={step.href} className="text-accent-strong underline underline-offset-2">
                      {index + 1}. {step.title}
                    </Link>
                  )}
                </p>
                <p className="text-ink-muted">{step.text}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
