import type { AgeBand, Trait } from '../types';
import type { Words } from './grammar';

// Words per band: the youngest readers get short, common words; older readers get a richer choice.
// A #word# in a pattern picks one of these.

export type Register = 'young' | 'middle' | 'older';

export const REGISTER: Record<AgeBand, Register> = { '4-6': 'young', '7-9': 'middle', '10-12': 'older' };

const young: Words = {
  time: [
    'sunny morning',
    'bright morning',
    'windy day',
    'quiet afternoon',
    'rainy morning',
    'warm evening',
    'happy Saturday',
    'snowy morning',
    'sleepy Sunday',
    'busy Monday',
  ],
  doing: [
    'playing with a ball',
    'eating toast with jam',
    'drawing a big picture',
    'singing a silly song',
    'reading a book',
    'building a tower of blocks',
    'counting the clouds',
    'making a paper hat',
  ],
  said: ['said', 'said', 'called', 'cried'],
  happy: ['happy', 'glad', 'so happy'],
  big: ['big', 'huge', 'very big'],
  little: ['little', 'small', 'tiny'],
  soon: ['Soon', 'Before long', 'After a while'],
  suddenly: ['Then', 'Just then', 'All at once'],
  went: ['went', 'ran', 'hurried', 'walked'],
  looked: ['looked', 'peeked', 'stared'],
  nice: ['lovely', 'nice', 'pretty'],
  wow: ['Wow', 'Oh', 'Look', 'Ooh'],
  feel_good: ['happy', 'brave', 'proud', 'glad'],
};

const middle: Words = {
  time: [
    'bright spring morning',
    'breezy autumn afternoon',
    'sunny Saturday',
    'drizzly Tuesday',
    'golden summer evening',
    'frosty winter morning',
    'quiet Sunday',
  ],
  doing: [
    'practising cartwheels',
    'finishing a jigsaw puzzle',
    'sorting a box of shells',
    'inventing a new sandwich',
    'drawing a map of the neighbourhood',
    'teaching a song to the cat next door',
    'building a den out of cushions',
    'counting how many stairs there were',
  ],
  said: ['said', 'called', 'whispered', 'laughed', 'replied'],
  happy: ['happy', 'delighted', 'thrilled', 'cheerful'],
  big: ['huge', 'enormous', 'giant'],
  little: ['little', 'tiny', 'small'],
  soon: ['Soon', 'Before long', 'After a while', 'A little later'],
  suddenly: ['Suddenly', 'Just then', 'All of a sudden', 'Then'],
  went: ['hurried', 'set off', 'headed', 'raced', 'wandered'],
  looked: ['looked', 'peered', 'gazed', 'glanced'],
  nice: ['lovely', 'wonderful', 'beautiful'],
  wow: ['Wow', 'Look', 'Amazing', 'Oh my'],
  feel_good: ['proud', 'brave', 'happy', 'warm inside'],
};

const older: Words = {
  time: [
    'crisp autumn morning',
    'blustery spring afternoon',
    'lazy summer evening',
    'grey, drizzly Thursday',
    'bright winter morning',
    'sleepy Sunday afternoon',
    'warm, golden evening',
    'misty Monday morning',
  ],
  doing: [
    'trying to finish a thousand-piece jigsaw',
    'writing a list of everything worth exploring',
    'sketching the clouds in a battered notebook',
    'attempting to teach a paper aeroplane to loop',
    'reading a book about faraway places',
    'sorting a collection of interesting pebbles',
    'building a marble run across the floor',
    'planning the perfect picnic',
  ],
  said: ['said', 'whispered', 'replied', 'called', 'murmured', 'laughed'],
  happy: ['delighted', 'overjoyed', 'thrilled', 'happier than ever'],
  big: ['enormous', 'gigantic', 'towering', 'vast'],
  little: ['little', 'tiny', 'small', 'miniature'],
  soon: ['Before long', 'After a while', 'Not long afterwards', 'Eventually'],
  suddenly: ['Suddenly', 'Just then', 'Without warning', 'At that very moment'],
  went: ['set off', 'headed', 'made their way', 'hurried'],
  looked: ['gazed', 'peered', 'looked', 'stared'],
  nice: ['wonderful', 'beautiful', 'extraordinary', 'magical'],
  wow: ['Wow', 'Look at that', 'Incredible', 'Oh, how amazing'],
  feel_good: ['proud', 'brave', 'light and happy', 'warm all the way through'],
};

export const WORDS: Record<Register, Words> = { young, middle, older };

/** How each trait shows: a sentence about the hero, per register. */
export const TRAIT_LINES: Record<Trait, Record<Register, readonly string[]>> = {
  brave: {
    young: ['{hero} was brave. "We can do it!" {he} said.', '{hero} stood up tall. {hero} felt brave.'],
    middle: ['{hero} took a deep breath. Being brave did not mean never feeling scared, after all.'],
    older: [
      '{hero} squared {his} shoulders. Being brave, {he} had decided long ago, did not mean never feeling nervous; it meant going on anyway.',
    ],
  },
  curious: {
    young: ['{hero} wanted to know everything. "What is that?" {he} asked.', '{hero} loved to look at new things.'],
    middle: ['{hero} could never resist a question, and today the questions just kept coming.'],
    older: [
      '{hero} had always been curious, the kind of {hero_kind} who lifted every stone just to see what lived underneath.',
    ],
  },
  kind: {
    young: ['{hero} was kind. {he_was} always ready to help.', '{hero} had a big, kind heart.'],
    middle: ['{hero} was the sort of {hero_kind} who always noticed when someone needed a hand.'],
    older: [
      '{hero} had a habit of noticing when others needed help, and an even better habit of offering it before being asked.',
    ],
  },
  clever: {
    young: [
      '{hero} was clever. {hero} had lots of good ideas.',
      '{hero} tapped {his} head. "Let me think," {he} said.',
    ],
    middle: ['{hero} loved puzzles, and this was shaping up to be a very good puzzle indeed.'],
    older: ['{hero} liked to think things through, turning a problem over and over until it showed its secret.'],
  },
  funny: {
    young: ['{hero} told a joke. Everyone giggled.', '{hero} made a silly face. Ha ha!'],
    middle: ['{hero} told a terrible joke about a cheese sandwich, and somehow it made everyone feel better.'],
    older: [
      '{hero} told a joke so silly that even the wind seemed to chuckle, and the worried feeling in the air melted away.',
    ],
  },
  shy: {
    young: [
      '{hero} was a little shy. But {he} wanted to help.',
      '{hero} spoke in a small voice. "I will try," {he} said.',
    ],
    middle: ['{hero} was a little shy, but today {he} found {his} voice was stronger than {he} thought.'],
    older: [
      '{hero} was usually the quiet one, but today {he} discovered that quiet and brave can live in the same heart.',
    ],
  },
  patient: {
    young: ['{hero} was patient. "Slow and steady," {he} said.', '{hero} did not rush. {hero} took {his} time.'],
    middle: ['{hero} never rushed. "Good things take time," {he} liked to say, and {he} meant it.'],
    older: [
      '{hero} was patient in a way that made everyone around {him} feel calmer, as though there was always enough time.',
    ],
  },
  cheerful: {
    young: ['{hero} sang a happy song. La la la!', '{hero} smiled a big smile.'],
    middle: ['{hero} hummed a cheerful tune, the kind that makes your feet want to skip.'],
    older: [
      '{hero} whistled as {he} went, because {hero} believed that a cheerful tune could make any road feel shorter.',
    ],
  },
  careful: {
    young: ['{hero} was careful. {hero} looked before every step.', '"Let us be careful," said {hero}.'],
    middle: ['{hero} checked everything twice. Careful was always better than sorry.'],
    older: [
      '{hero} was careful by nature, always checking the ground ahead, and today that habit felt more useful than ever.',
    ],
  },
  creative: {
    young: ['{hero} had an idea. A big, fun idea!', '{hero} loved to make things up.'],
    middle: ['{hero} always had a new idea bubbling away, and today one was bubbling louder than ever.'],
    older: [
      '{hero} saw possibilities everywhere: a stick could be a bridge, a leaf could be a boat, and a problem was just an idea waiting to happen.',
    ],
  },
};
