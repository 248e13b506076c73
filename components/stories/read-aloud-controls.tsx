'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { READ_ALOUD_RATES } from '@/lib/stories/read-aloud';
import { useReadAloud } from '@/lib/stories/use-read-aloud';

const RATE_LABELS: Record<number, string> = { 0.75: 'Slow', 1: 'Normal', 1.25: 'Fast' };

/**
 * "Read it to me": a play/stop button with the voice and the speed beside it (remembered per profile on
 * this device). Hidden where the browser cannot speak; disabled, with a word why, when it has no voices.
 */
export function ReadAloudControls({ profileId, text, kid }: { profileId: string; text: string; kid: boolean }) {
  const aloud = useReadAloud(profileId, text);
  const voiceId = useId();
  const rateId = useId();
  if (!aloud.available) return null;
  const noVoices = aloud.voices.length === 0;
  const select = kid
    ? 'min-h-12 rounded-kid border-2 border-kid-sky bg-kid-surface px-3 text-lg text-kid-ink'
    : 'min-h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink';
  const label = kid ? 'text-lg text-kid-ink-muted' : 'text-sm text-ink-muted';
  return (
    <fieldset className="flex flex-wrap items-end gap-3" data-testid="read-aloud">
      <legend className="sr-only">Read aloud</legend>
      <Button
        variant={kid ? 'kid' : 'secondary'}
        size={kid ? 'kid' : 'md'}
        onClick={aloud.speaking ? aloud.stop : aloud.play}
        disabled={noVoices}
        aria-pressed={aloud.speaking}
      >
        <span aria-hidden="true">{aloud.speaking ? '⏹ ' : '🔊 '}</span>
        {aloud.speaking ? 'Stop reading aloud' : 'Read it to me'}
      </Button>
      {noVoices ? (
        <p className={label}>This device has no voices to read with.</p>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={voiceId} className={label}>
              Voice
            </label>
            <select
              id={voiceId}
              className={select}
              value={aloud.voice?.voiceURI ?? ''}
              onChange={(event) => aloud.choose({ voiceURI: event.target.value || null })}
            >
              {aloud.voices.map((voice) => (
                <option key={voice.voiceURI} value={voice.voiceURI}>
                  {voice.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={rateId} className={label}>
              Speed
            </label>
            <select
              id={rateId}
              className={select}
              value={aloud.rate}
              onChange={(event) => aloud.choose({ rate: Number(event.target.value) })}
            >
              {READ_ALOUD_RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {RATE_LABELS[rate]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </fieldset>
  );
}
