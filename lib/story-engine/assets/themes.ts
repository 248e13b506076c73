import type { Theme } from '../types';

// Seed data: the database work loads these into `themes` (the morals can live in a jsonb column).

export const THEMES: readonly Theme[] = [
  {
    id: 'friendship',
    name: 'Friendship',
    description: 'Friends who stick together and help each other.',
    morals: [
      { id: 'friends-help', lesson: 'Friends make hard things easier.' },
      { id: 'friends-listen', lesson: 'A good friend listens and helps.' },
    ],
  },
  {
    id: 'courage',
    name: 'Courage',
    description: 'Being brave, even when you feel a little scared.',
    morals: [
      { id: 'brave-small-steps', lesson: 'Being brave means trying, even when you feel scared.' },
      { id: 'brave-ask', lesson: 'Asking for help is brave too.' },
    ],
  },
  {
    id: 'kindness',
    name: 'Kindness',
    description: 'Small kind acts that make a big difference.',
    morals: [
      { id: 'kind-returns', lesson: 'Kindness always finds its way back to you.' },
      { id: 'kind-small', lesson: 'Even a small kindness can make a big difference.' },
    ],
  },
  {
    id: 'curiosity',
    name: 'Curiosity',
    description: 'Asking questions and finding out how the world works.',
    morals: [
      { id: 'curious-questions', lesson: 'Good questions lead to wonderful discoveries.' },
      { id: 'curious-look', lesson: 'If you look closely, the world is full of surprises.' },
    ],
  },
  {
    id: 'teamwork',
    name: 'Teamwork',
    description: 'Everyone has something to give when we work together.',
    morals: [
      { id: 'team-together', lesson: 'Together we can do more than we can alone.' },
      { id: 'team-everyone', lesson: 'Everyone has something special to give.' },
    ],
  },
  {
    id: 'honesty',
    name: 'Honesty',
    description: 'Telling the truth, even when it is hard.',
    morals: [
      { id: 'honest-truth', lesson: 'Telling the truth makes everything lighter.' },
      { id: 'honest-sorry', lesson: 'Saying sorry and telling the truth fixes a lot.' },
    ],
  },
  {
    id: 'patience',
    name: 'Patience',
    description: 'Good things take time.',
    morals: [
      { id: 'patience-time', lesson: 'Good things are worth waiting for.' },
      { id: 'patience-slow', lesson: 'Slow and steady gets you there.' },
    ],
  },
  {
    id: 'nature',
    name: 'Caring for nature',
    description: 'Looking after animals, plants and the world around us.',
    morals: [
      { id: 'nature-care', lesson: 'When we care for nature, nature cares for us.' },
      { id: 'nature-gentle', lesson: 'Every creature, big or small, deserves a gentle hand.' },
    ],
  },
  {
    id: 'imagination',
    name: 'Imagination',
    description: 'Dreaming up new ideas and new worlds.',
    morals: [
      { id: 'imagine-ideas', lesson: 'A new idea can open any door.' },
      { id: 'imagine-dream', lesson: 'Big dreams start with a little imagination.' },
    ],
  },
  {
    id: 'family',
    name: 'Family',
    description: 'The people who love us, wherever we go.',
    morals: [
      { id: 'family-home', lesson: 'Home is wherever the people who love you are.' },
      { id: 'family-together', lesson: 'Families help each other, big and small.' },
    ],
  },
];

export const THEMES_BY_ID: ReadonlyMap<string, Theme> = new Map(THEMES.map((theme) => [theme.id, theme]));
