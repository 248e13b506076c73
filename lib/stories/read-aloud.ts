// Read-aloud with the browser's speech synthesis: the reader's choices (voice and speed), remembered per
// profile on this device (localStorage), and which of the device's voices to use. Pure, so it is tested
// without a browser; use-read-aloud.ts is the browser side.

export type ReadAloudSettings = { voiceURI: string | null; rate: number };
export type VoiceOption = { voiceURI: string; name: string; lang: string; default: boolean };

export const READ_ALOUD_RATES = [0.75, 1, 1.25] as const;
export const DEFAULT_SETTINGS: ReadAloudSettings = { voiceURI: null, rate: 1 };

/** One key per profile: siblings sharing a tablet keep their own voice and speed. */
export const readAloudStorageKey = (profileId: string) => `tale-forge:read-aloud:${profileId}`;

/** What was stored, checked: anything unreadable or out of range falls back to the defaults. */
export function parseSettings(stored: string | null): ReadAloudSettings {
  if (!stored) return DEFAULT_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS;
  const { voiceURI, rate } = value as Record<string, unknown>;
  return {
    voiceURI: typeof voiceURI === 'string' && voiceURI.length > 0 && voiceURI.length <= 300 ? voiceURI : null,
    rate: READ_ALOUD_RATES.includes(rate as (typeof READ_ALOUD_RATES)[number]) ? (rate as number) : 1,
  };
}

export const serializeSettings = (settings: ReadAloudSettings) => JSON.stringify(settings);

/**
 * The voice to speak with: the remembered one while the device still has it, else the device's default
 * voice for the page's language, else any voice of that language, else the device's default; null when
 * the device has no voices at all.
 */
export function pickVoice<V extends VoiceOption>(
  voices: readonly V[],
  settings: ReadAloudSettings,
  lang = 'en',
): V | null {
  const remembered = settings.voiceURI ? voices.find((v) => v.voiceURI === settings.voiceURI) : undefined;
  if (remembered) return remembered;
  const base = lang.toLowerCase().split('-')[0];
  const inLang = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
  return inLang.find((v) => v.default) ?? inLang[0] ?? voices.find((v) => v.default) ?? voices[0] ?? null;
}

/** The voices worth offering: the page's language first (a child should not scroll past 60 others), by name. */
export function voicesToOffer<V extends VoiceOption>(voices: readonly V[], lang = 'en'): V[] {
  const base = lang.toLowerCase().split('-')[0];
  const inLang = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
  return [...(inLang.length ? inLang : voices)].sort((a, b) => a.name.localeCompare(b.name));
}
