import { describe, expect, it } from 'vitest';
import { checkReadability, sentencesOf, wordsOf } from './readability';
import { countSyllables } from './syllables';

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['the', 1],
    ['came', 1],
    ['whale', 1],
    ['jumped', 1],
    ['wanted', 2],
    ['table', 2],
    ['happy', 2],
    ['garden', 2],
    ['yellow', 2],
    ['boxes', 2],
    ['places', 2],
    ['butterfly', 3],
    ['beautiful', 3],
    ['piano', 3],
    ['adventure', 3],
    ['everyone', 3],
    ['caterpillar', 4],
    ['imagination', 5],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });

  it('counts punctuation and case away, and never below one for a word', () => {
    expect(countSyllables('Castles!')).toBe(2);
    expect(countSyllables('rhythm')).toBe(1);
    expect(countSyllables('123')).toBe(0);
  });
});

describe('sentences and words', () => {
  it('keeps a quoted question with its speaker', () => {
    expect(sentencesOf('"Where is he?" asked Mia. She looked. "Here!" It was Bo.')).toEqual([
      '"Where is he?" asked Mia.',
      'She looked.',
      '"Here!"',
      'It was Bo.',
    ]);
  });

  it("counts don't and well-known as one word each", () => {
    expect(wordsOf("Don't stop, it's a well-known path.")).toHaveLength(6);
  });
});

describe('checkReadability', () => {
  const young =
    'Mia had a red kite. She ran up the hill. The wind was strong. Up went the kite! It flew high in the sky. ' +
    'Mia laughed and held on tight. Her dog Bo ran too. Bo barked at the kite. The kite went up and down. ' +
    'Then the wind stopped. Down came the kite, right into the soft grass. Mia and Bo sat down. ' +
    'What a good day it was.';

  it('passes short, simple text for 4–6 and reports its figures', () => {
    const verdict = checkReadability(young, '4-6');
    expect(verdict).toMatchObject({ passed: true, band: '4-6', words: 70, sentences: 13, failures: [] });
    expect(verdict.grade).toBeLessThan(2);
    expect(verdict.wordsPerSentence).toBeCloseTo(70 / 13, 2);
  });

  it('fails the same text for 10–12: too short and too easy for the band', () => {
    const verdict = checkReadability(young, '10-12');
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(expect.arrayContaining(['words_below_min', 'grade_below_band']));
  });

  it('fails long, hard sentences for 4–6', () => {
    const hard =
      'Notwithstanding considerable meteorological uncertainty, the adventurous expedition continued methodically ' +
      'across the extraordinarily complicated, treacherous and unpredictable mountainous territory, documenting ' +
      'geological formations, botanical specimens and atmospheric phenomena with remarkable scientific precision. '.repeat(
        2,
      );
    const verdict = checkReadability(hard, '4-6');
    expect(verdict.failures).toEqual(
      expect.arrayContaining(['sentences_too_long', 'longest_sentence_too_long', 'words_too_hard', 'grade_above_band']),
    );
  });

  it('counts the characters’ own names as at most two syllables', () => {
    const text = 'Bartholomew Higginbotham ran. '.repeat(20);
    const plain = checkReadability(text, '4-6');
    const named = checkReadability(text, '4-6', { names: ['Bartholomew Higginbotham'] });
    expect(named.syllablesPerWord).toBeLessThan(plain.syllablesPerWord);
  });

  it('handles empty text without dividing by zero', () => {
    expect(checkReadability('', '7-9')).toMatchObject({ passed: false, words: 0, sentences: 0 });
  });
});
