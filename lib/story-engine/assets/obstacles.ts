import type { Obstacle } from './asset-types';

// `{team}` is whoever is present ("Mia and Bo", or just "Mia"); `{they}`/`{their}`/`{them}` follow it.
// A line starting "@group " needs two or more characters present, "@solo " exactly one.

export const OBSTACLES: readonly Obstacle[] = [
  {
    id: 'river',
    a: 'a wide, rushing river',
    the: 'the river',
    block: [
      '{The_obstacle} was too wide to jump over.',
      'The water in {the_obstacle} splashed and rushed. There was no bridge.',
    ],
    overcome: 'got safely across the river',
    tryLabel: 'Hop across the stepping stones',
    tryDone: [
      '{team} hopped from stone to stone. {hero} wobbled once, but nobody fell in.',
      'One by one, {team} jumped across the flat stepping stones. Splash went the water, but {their} feet stayed dry.',
    ],
    items: {
      rope: '{hero} tied the rope to a tree. Holding on tight, {team} waded across the shallow part.',
      net: '{hero} used the net to pull a floating log close. It carried {them} across like a raft.',
    },
  },
  {
    id: 'locked-gate',
    a: 'a tall gate with a big lock',
    the: 'the gate',
    block: [
      '{The_obstacle} was shut, and the lock would not open.',
      'A big lock hung on {the_obstacle}. It did not move at all.',
    ],
    overcome: 'went through the gate',
    tryLabel: 'Look for a hidden latch',
    tryDone: [
      '{hero} looked closely at the gate. Under some ivy there was a little latch! Click. The gate swung open.',
      '{team} searched and searched. At last {hero} found a tiny latch near the ground, and the gate creaked open.',
    ],
    items: {
      key: '{hero} tried the key in the lock. It turned with a happy click, and the gate swung open.',
      magnifier: 'With the magnifying glass, {hero} saw a tiny latch hidden under the ivy. Click! The gate opened.',
    },
  },
  {
    id: 'dark-tunnel',
    a: 'a long, dark tunnel',
    the: 'the tunnel',
    block: [
      '{The_obstacle} was so dark that nobody could see the way.',
      'Inside {the_obstacle} it was as black as night.',
    ],
    overcome: 'came out of the tunnel into the light',
    tryLabel: 'Go in slowly, step by step',
    tryDone: [
      '{team} walked in slowly, counting every step to feel brave. Soon there was light ahead.',
      '@group {team} held hands and sang a song while walking. The song kept {them} brave until the tunnel ended.',
      '@solo {hero} hummed a happy song while walking. The song kept {him} brave until the tunnel ended.',
    ],
    items: {
      lantern: '{hero} lit the lantern. Its warm light showed the path, and the tunnel was not so dark after all.',
      'glow-stone': '{hero} held up the glow stone. It shone soft and blue, and it lit the way through the tunnel.',
    },
  },
  {
    id: 'fog',
    a: 'a thick grey fog',
    the: 'the fog',
    block: [
      '{The_obstacle} rolled in, and soon nobody could see the path.',
      'It was so foggy that {hero} could not see past {his} own nose.',
    ],
    overcome: 'found the way through the fog',
    tryLabel: 'Walk slowly and carefully',
    tryDone: [
      '@group {team} walked slowly and called out to each other. "Here!" "I am here too!" Nobody got lost, and the fog thinned away.',
      '@solo {hero} walked slowly, feeling the path with {his} feet. Little by little, the fog thinned away.',
      '{team} took tiny steps and kept to the middle of the path. Little by little, the fog lifted.',
    ],
    items: {
      compass: '{hero} held up the compass. "This way," {he} said. The needle led the way out of the fog.',
      lantern: 'The lantern made a golden glow in the fog. {team} followed it to clear air.',
      map: '{hero} checked the map. "The path bends left here," {he} said. Soon the fog was behind {them}.',
      bell: '{hero} rang the bell at every step, and its ting-ting showed the way through the fog.',
    },
  },
  {
    id: 'maze',
    a: 'a maze of tall green hedges',
    the: 'the maze',
    block: [
      'The way on went into {the_obstacle}, and it had paths going everywhere.',
      '{The_obstacle} twisted and turned. Which way was out?',
    ],
    overcome: 'found the way out of the maze',
    tryLabel: 'Keep one hand on the hedge and follow it',
    tryDone: [
      '{hero} put one hand on the hedge and kept walking. Left, right, left again. At last, there was the way out!',
      '{team} kept one hand on the hedge the whole way round. It was a long walk, but it led out of the maze.',
    ],
    items: {
      map: '{hero} unfolded the map. "There is the way out," {he} said, and the dotted line led the way.',
      compass: 'The compass pointed the way, and {team} walked straight through the twisting paths.',
    },
  },
  {
    id: 'wind',
    a: 'a strong, gusty wind',
    the: 'the wind',
    block: [
      '{The_obstacle} blew so hard that walking was almost impossible.',
      'Whoosh! {The_obstacle} pushed {them} back, one step at a time.',
    ],
    overcome: 'got past the windy part',
    tryLabel: 'Lean into the wind and keep going',
    tryDone: [
      '{team} leaned into the wind. Step, step, step. Soon the wind grew tired and calm.',
      '@group {They} linked arms and walked bent over, like one big creature. The wind huffed and puffed, but it could not stop {them}.',
      '@solo {hero} bent low and took small, strong steps. The wind huffed and puffed, but it could not stop {him}.',
    ],
    items: {
      kite: '{hero} let the kite fly high. The wind pulled it along, and the kite pulled {them} with it, gently, all the way.',
      balloon: '{hero} let the balloon go. It floated ahead and showed which way the wind was calm.',
    },
  },
  {
    id: 'deep-hole',
    a: 'a deep hole in the ground',
    the: 'the hole',
    block: ['{The_obstacle} was right in the middle of the path. It was too wide to step over.'],
    overcome: 'got over the hole',
    tryLabel: 'Make a bridge from a fallen branch',
    tryDone: [
      '{team} pushed a fallen branch across {the_obstacle} and crossed it very carefully.',
      '{hero} found a long branch and laid it over the hole like a bridge. Tiptoe, tiptoe, and over!',
    ],
    items: {
      rope: '{hero} tied the rope between two trees. Holding on, {team} edged around the hole.',
      shovel: 'With the shovel, {hero} dug a gentle slope, down one side and up the other.',
    },
  },
  {
    id: 'steep-rocks',
    a: 'a steep wall of rocks',
    the: 'the rocks',
    block: ['{The_obstacle} went up and up. It looked very hard to climb.'],
    overcome: 'got to the top of the rocks',
    tryLabel: 'Climb slowly, one step at a time',
    tryDone: [
      '{team} climbed slowly and carefully, and at last {they_were} at the top.',
      '{team} found little footholds and climbed one step at a time. Nobody rushed, and it worked.',
    ],
    items: {
      rope: '{hero} threw the rope over a strong rock at the top. Holding on, {team} climbed up safely.',
    },
  },
  {
    id: 'grumpy-goat',
    a: 'a grumpy goat standing in the middle of the path',
    the: 'the goat',
    block: ['{The_obstacle} would not move. "This is my path," it said with a huff.'],
    overcome: 'went on past the goat',
    tryLabel: 'Ask the goat politely',
    tryDone: [
      '"Please may we pass?" asked {hero} kindly. The goat blinked. Nobody had said please before. It stepped aside with a smile.',
    ],
    items: {
      honey: '{hero} shared the honey with the goat. It licked its lips, smiled, and stepped aside.',
      bell: '{hero} rang the bell. The goat loved the sound so much that it danced off the path.',
    },
  },
  {
    id: 'slippery-mud',
    a: 'a patch of slippery mud',
    the: 'the mud',
    block: [
      '{The_obstacle} was so slippery that every step slid about.',
      'Squelch! Every foot sank into {the_obstacle}.',
    ],
    overcome: 'got across the mud',
    tryLabel: 'Walk on the big flat stones',
    tryDone: [
      '{team} stepped only on the big flat stones. It took a while, but {their} feet stayed clean.',
      '{team} laid sticks down and walked on them. Squelch, squelch, and then solid ground!',
    ],
    items: {
      blanket: '{hero} laid the blanket over the mud, and {team} walked across it quickly.',
      rope: '{hero} tied the rope to a tree and held on while sliding across the mud, laughing.',
    },
  },
  {
    id: 'high-tide',
    a: 'the tide coming in fast',
    the: 'the tide',
    block: ['The sea came closer and closer. Soon the sandy path would be under water.'],
    overcome: 'got past the rising water',
    tryLabel: 'Climb up onto the high rocks',
    tryDone: ['{team} scrambled up onto the high rocks. {They} walked along the top, high above the waves.'],
    items: {
      bucket: '{hero} built a wall of sand with the bucket. It held the water back just long enough.',
      shell: '{hero} blew into the shell. A friendly wave came and carried {them} gently to the other side.',
    },
  },
  {
    id: 'rain',
    a: 'a big, heavy rain shower',
    the: 'the rain',
    block: ['Drip, drop, splash! {The_obstacle} came down so hard that everything was soaked in no time.'],
    overcome: 'got through the rain',
    tryLabel: 'Wait under a big tree until it stops',
    tryDone: ['{team} waited under a big tree and sang songs until the rain stopped. Then a rainbow came out.'],
    items: {
      blanket: '{hero} held the blanket up like a roof. Under it, {team} ran through the rain, giggling.',
      balloon: 'The balloon kept the rain off like a tiny umbrella. Well, almost.',
    },
  },
  {
    id: 'crowd',
    a: 'a big crowd of people',
    the: 'the crowd',
    block: [
      '{The_obstacle} was so thick that there was no way through.',
      'There were people everywhere, and {hero} could not see the way.',
    ],
    overcome: 'got through the crowd',
    tryLabel: 'Squeeze through, saying "excuse me"',
    tryDone: ['{team} said "excuse me" again and again. Soon {they_were} through.'],
    items: {
      balloon: '{hero} held the balloon up high. "Follow the balloon!" Nobody got lost.',
      bell: '{hero} rang the bell, and people smiled and made a path.',
      whistle: '{hero} gave a little toot on the whistle. People stepped aside to let {them} through.',
    },
  },
  {
    id: 'riddle-door',
    a: 'a door that asked a riddle',
    the: 'the door',
    block: [
      'A face on {the_obstacle} spoke: "What has keys but cannot open locks?" It would not open until someone answered.',
    ],
    overcome: 'went through the riddle door',
    tryLabel: 'Think hard and answer the riddle',
    tryDone: ['{team} thought and thought. Then {hero} smiled. "A piano!" The door laughed and swung open.'],
    items: {
      magnifier:
        'With the magnifying glass, {hero} spotted tiny piano keys carved on the door. "A piano!" The door opened.',
      key: '"Not this kind of key," laughed {hero}. "A piano has keys!" The riddle was solved, and the door opened.',
    },
  },
  {
    id: 'high-shelf',
    a: 'a shelf far too high to reach',
    the: 'the shelf',
    block: ['The way on was a hatch above {the_obstacle}, way up near the ceiling.'],
    overcome: 'climbed up through the hatch',
    tryLabel: 'Build a tower of big books to stand on',
    tryDone: ['{team} stacked up big, flat books, and {hero} climbed up carefully to the top.'],
    items: {
      rope: '{hero} threw the rope over a beam. {team} climbed up it, hand over hand.',
      kite: '{hero} flew the kite up to the hatch. Its string caught a hook, and down came a little ladder.',
    },
  },
  {
    id: 'ice',
    a: 'a sheet of slippery ice',
    the: 'the ice',
    block: ['{The_obstacle} was so smooth and slippery that nobody could stand up on it.'],
    overcome: 'got across the ice',
    tryLabel: 'Slide across like penguins',
    tryDone: ['Whee! {team} slid across the ice like penguins. It was the most fun of the whole week.'],
    items: {
      blanket: '{hero} laid the blanket on the ice. {team} slid across on it like a sledge.',
      rope: '{hero} tied the rope to a tree and held on to it, sliding across slowly and safely.',
    },
  },
  {
    id: 'asteroids',
    a: 'a cloud of bumpy space rocks',
    the: 'the space rocks',
    block: ['{The_obstacle} floated everywhere. The rocket had to get past them without a bump.'],
    overcome: 'flew past the space rocks',
    tryLabel: 'Steer very slowly between the rocks',
    tryDone: ['{hero} steered very slowly. Left a little, right a little. Not one rock touched the rocket.'],
    items: {
      map: 'The star map showed a clear path, and the rocket zoomed along it.',
      compass: 'The space compass beeped and showed the safe way, and the rocket slipped through the rocks.',
    },
  },
  {
    id: 'current',
    a: 'a strong sea current',
    the: 'the current',
    block: ['{The_obstacle} pulled and tugged. It was very hard to swim against it.'],
    overcome: 'got past the strong current',
    tryLabel: 'Swim down low, close to the sand',
    tryDone: ['Down by the sand the water was calm. {team} swam low and slow, and the current passed overhead.'],
    items: {
      rope: '{hero} tied the rope to a rock. {team} pulled along it, hand over hand.',
      shell: '{hero} hummed into the shell, and the current slowed down as if it were listening.',
    },
  },
  {
    id: 'tangled-vines',
    a: 'a tangle of thick, twisty vines',
    the: 'the vines',
    block: [
      '{The_obstacle} grew right across the way, thick and twisty.',
      'The path was blocked by {the_obstacle}, knotted together like a big green net.',
    ],
    overcome: 'got through the vines',
    tryLabel: 'Wriggle through the gaps',
    tryDone: [
      '{team} found the biggest gaps and wriggled through, like worms in the grass. It tickled!',
      '{hero} gently lifted the vines one by one, and {team} crept through underneath.',
    ],
    items: {
      shovel: '{hero} used the shovel to lift the vines gently, and {team} slipped underneath.',
      net: '{hero} threw the net over the vines and pulled, and they bent aside like a curtain.',
    },
  },
];

export const OBSTACLES_BY_ID: ReadonlyMap<string, Obstacle> = new Map(OBSTACLES.map((o) => [o.id, o]));
