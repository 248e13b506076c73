import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  pickVoice,
  readAloudStorageKey,
  serializeSettings,
  voicesToOffer,
} from './read-aloud';

const voice = (voiceURI: string, lang: string, isDefault = false) => ({
  voiceURI,
  name: voiceURI,
  lang,
  default: isDefault,
});

describe('read-aloud settings', () => {
  it('round-trips what the reader chose', () => {
    const chosen = { voiceURI: 'Daniel', rate: 0.75 };
    expect(parseSettings(serializeSettings(chosen))).toEqual(chosen);
  });

  it('falls back to the defaults for anything unreadable or out of range', () => {
    for (const stored of [null, '', 'not json', '42', 'null', '[]', '{"rate":"fast"}', '{"rate":9}']) {
      expect(parseSettings(stored).rate).toBe(1);
    }
    expect(parseSettings('{"voiceURI":"","rate":1.25}')).toEqual({ voiceURI: null, rate: 1.25 });
    expect(parseSettings(`{"voiceURI":"${'x'.repeat(301)}"}`)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"voiceURI":7,"rate":0.75}')).toEqual({ voiceURI: null, rate: 0.75 });
  });

  it('is kept per profile', () => {
    expect(readAloudStorageKey('a')).not.toBe(readAloudStorageKey('b'));
  });
});

describe('pickVoice', () => {
  const voices = [voice('Thomas', 'fr-FR', true), voice('Daniel', 'en-GB'), voice('Samantha', 'en-US', true)];

  it('keeps the remembered voice while the device has it', () => {
    expect(pickVoice(voices, { voiceURI: 'Daniel', rate: 1 })?.voiceURI).toBe('Daniel');
  });

  it("else the default voice of the page's language, any of it, then the device's default", () => {
    expect(pickVoice(voices, { voiceURI: 'Gone', rate: 1 })?.voiceURI).toBe('Samantha');
    expect(pickVoice([voice('Thomas', 'fr-FR', true), voice('Daniel', 'en_GB')], DEFAULT_SETTINGS)?.voiceURI).toBe(
      'Daniel',
    );
    expect(pickVoice([voice('Thomas', 'fr-FR', true), voice('Anna', 'de-DE')], DEFAULT_SETTINGS)?.voiceURI).toBe(
      'Thomas',
    );
  });

  it('is null on a device without voices', () => {
    expect(pickVoice([], DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('voicesToOffer', () => {
  it("offers the page's language by name, or every voice when there is none in it", () => {
    const voices = [voice('Zoe', 'en-US'), voice('Thomas', 'fr-FR'), voice('Alex', 'en-AU')];
    expect(voicesToOffer(voices).map((v) => v.name)).toEqual(['Alex', 'Zoe']);
    expect(voicesToOffer([voice('Thomas', 'fr-FR')]).map((v) => v.name)).toEqual(['Thomas']);
  });
});
