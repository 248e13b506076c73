import type { AgeBand, SafetyCategory } from '../types';

// The child-safety list. Each entry is a base word; the filter also catches its usual endings
// ("kills", "killed", "killing", "killer") and simple disguises ("k1ll", "k.i.l.l", "kiiill", "k*ll").
// `from` is the youngest band that may read the word; entries without it are never shown to a child.
// Bump SAFETY_LIST_VERSION with every change: provenance records which list a segment passed.

export const SAFETY_LIST_VERSION = 1;

export interface SafetyEntry {
  term: string;
  category: SafetyCategory;
  from?: AgeBand;
}

const never = (category: SafetyCategory, terms: string[]): SafetyEntry[] => terms.map((term) => ({ term, category }));
const from = (band: AgeBand, category: SafetyCategory, terms: string[]): SafetyEntry[] =>
  terms.map((term) => ({ term, category, from: band }));

export const SAFETY_ENTRIES: SafetyEntry[] = [
  ...never('violence', [
    'kill',
    'murder',
    'blood',
    'bloody',
    'gun',
    'stab',
    'knife',
    'knives',
    'bomb',
    'explode',
    'strangle',
    'choke',
    'torture',
    'behead',
    'slaughter',
    'massacre',
    'assassin',
    'assassinate',
    'rifle',
    'pistol',
    'grenade',
    'beat up',
    'gore',
    'kidnap',
    'abuse',
  ]),
  ...from('10-12', 'violence', ['sword', 'battle', 'fight', 'war', 'weapon', 'army', 'attack']),
  ...from('10-12', 'fear', ['die', 'dead', 'death', 'dying', 'grave', 'funeral']),
  ...from('7-9', 'fear', ['monster', 'ghost', 'skeleton', 'scream', 'haunted', 'spooky', 'witch', 'creepy', 'evil']),
  ...never('fear', [
    'horror',
    'terrifying',
    'terrified',
    'nightmare',
    'demon',
    'devil',
    'corpse',
    'zombie',
    'vampire',
    'coffin',
    'skull',
  ]),
  ...never('self_harm', ['suicide', 'self-harm', 'kill yourself', 'hang yourself']),
  ...never('adult', [
    'sex',
    'sexy',
    'naked',
    'nude',
    'porn',
    'beer',
    'wine',
    'vodka',
    'whisky',
    'drunk',
    'alcohol',
    'cigarette',
    'vape',
    'drug',
    'cocaine',
    'casino',
    'gamble',
    'fuck',
    'shit',
    'damn',
    'hell',
    'bitch',
    'bastard',
    'crap',
    'piss',
    'cunt',
    'ass',
    'arse',
    'asshole',
    'dick',
    'penis',
    'vagina',
    'boob',
    'rape',
    'rapist',
    'slut',
    'whore',
    'wtf',
  ]),
  ...never('insult', ['stupid', 'idiot', 'dumb', 'moron', 'loser', 'shut up', 'hate', 'freak', 'retard']),
];

/** Ordinary phrases that contain a listed word. */
export const SAFE_PHRASES: string[] = [];
