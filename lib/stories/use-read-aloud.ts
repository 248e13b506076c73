'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  pickVoice,
  type ReadAloudSettings,
  readAloudStorageKey,
  serializeSettings,
  voicesToOffer,
} from './read-aloud';

const supported = () =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;

/** The device's voices; browsers load them late and announce it with `voiceschanged`. */
function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  useEffect(() => {
    if (!supported()) return;
    const load = () => setVoices(window.speechSynthesis.getVoices());
    load();
    window.speechSynthesis.addEventListener('voiceschanged', load);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', load);
  }, []);
  return voices;
}

/**
 * Reads a page aloud with the browser's speech synthesis. The voice and speed are remembered per
 * profile on this device (localStorage). `available` is false on the server and where the browser has
 * no speech synthesis (the controls hide); `voices` may be empty (the button is disabled). Speaking
 * stops when the page changes or the reader leaves.
 */
export function useReadAloud(profileId: string, text: string) {
  const available = useSyncExternalStore(
    () => () => {},
    supported,
    () => false,
  );
  const voices = useVoices();
  const [settings, setSettings] = useState<ReadAloudSettings>(DEFAULT_SETTINGS);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    try {
      setSettings(parseSettings(window.localStorage.getItem(readAloudStorageKey(profileId))));
    } catch {
      // Storage blocked (private mode): the defaults, not remembered.
    }
  }, [profileId]);

  const choose = useCallback(
    (patch: Partial<ReadAloudSettings>) => {
      setSettings((old) => {
        const next = { ...old, ...patch };
        try {
          window.localStorage.setItem(readAloudStorageKey(profileId), serializeSettings(next));
        } catch {
          // Not remembered, still used.
        }
        return next;
      });
    },
    [profileId],
  );

  const stop = useCallback(() => {
    if (supported()) window.speechSynthesis.cancel();
    setSpeaking(false);
  }, []);

  const play = useCallback(() => {
    if (!supported()) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    const voice = pickVoice(synth.getVoices(), settings, document.documentElement.lang || 'en');
    if (voice) utterance.voice = voice;
    utterance.rate = settings.rate;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  }, [settings, text]);

  // A new page (or leaving the reader) ends what was being read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: text is the trigger, not a value used.
  useEffect(() => stop, [text, stop]);

  return {
    available,
    voices: voicesToOffer(voices, typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en'),
    voice: pickVoice(voices, settings),
    rate: settings.rate,
    speaking,
    play,
    stop,
    choose,
  };
}
