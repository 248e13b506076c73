import type { StoryTemplate } from './asset-types';

// Seed data: the database work loads these into `story_templates` (the blueprint as jsonb). Bump a
// template's version whenever its lines change: provenance records which version wrote a segment.
// Lines use the story's values: {hero}, {team}, {they}/{their}/{them} (whoever is present),
// {place}/{at_place} (the page's setting) and the template's own slots ({pet}, {dragon}, …).

export const TEMPLATES: readonly StoryTemplate[] = [
  {
    id: 'lost-pet',
    version: 1,
    title: 'The Lost Pet',
    titles: ['{hero} and the Lost {Pet_kind}', 'Where Is {pet}?', 'Finding {pet}'],
    summary: 'A beloved pet has wandered off, and the search leads all over town.',
    themeIds: ['friendship', 'kindness', 'family'],
    keywords: ['pet', 'lost', 'puppy', 'dog', 'kitten', 'cat', 'hamster', 'bunny', 'missing', 'find'],
    slots: [
      {
        key: 'pet',
        options: [
          { pet: 'Biscuit', pet_kind: 'puppy' },
          { pet: 'Pepper', pet_kind: 'kitten' },
          { pet: 'Nibbles', pet_kind: 'hamster' },
          { pet: 'Clover', pet_kind: 'bunny' },
          { pet: 'Sprout', pet_kind: 'tortoise' },
        ],
      },
    ],
    settings: {
      start: ['home', 'garden'],
      middle: ['park', 'pond', 'market', 'bakery', 'forest', 'school'],
      final: ['meadow', 'hill', 'park', 'bakery', 'beach'],
    },
    premise: {
      young: [
        '{pet} the {pet_kind} was not in bed! {hero} looked under the table. {hero} looked behind the door. No {pet} anywhere.',
        'Oh no! The gate was open, and {pet} the {pet_kind} was gone. "{pet}!" called {hero}. But nobody came.',
      ],
      older: [
        "That morning, {pet}'s basket was empty. {hero} searched the whole house, from the cupboard under the stairs to the top of the wardrobe, but {pet} the {pet_kind} was nowhere to be found. Then {hero} noticed that the garden gate was open, just a crack.",
        '{hero} shook the treat tin, which always brought {pet} the {pet_kind} running. This time, nothing happened. The house was strangely quiet, and a trail of tiny muddy prints led out of the door.',
      ],
    },
    goal: 'find {pet}',
    clues: {
      young: [
        "There were little paw prints in the dirt. They were {pet}'s!",
        "{hero} found a tuft of soft fur on a bush. It was {pet}'s fur!",
        "There was {pet}'s little collar bell, lying in the grass. Jingle!",
      ],
      older: [
        "On the path was a row of small, muddy prints, exactly the size of {pet}'s paws. They were fresh, so {pet} could not be far away.",
        "{hero} spotted a tuft of fur caught on a bush. It was the same colour as {pet}'s coat, and it pointed the way like a tiny flag.",
        'Someone had just seen {pet}. "A little {pet_kind} ran past here not long ago," they said, "and it looked very pleased with itself."',
      ],
    },
    finale: {
      young: [
        "And there was {pet}, {at_place}, fast asleep in a sunny spot! {hero} gave {pet} a big, gentle hug. {pet} licked {hero}'s nose.",
        '"Look!" said {hero}. There was {pet}, {at_place}, playing with a butterfly. {pet} ran over, happy and wiggly. Found at last!',
      ],
      older: [
        'And there, {at_place}, curled up in a patch of sunshine, was {pet}, snoring softly as if nothing had happened at all. {hero} knelt down and gathered {pet} up in a gentle hug, and {pet} gave a sleepy, happy squeak.',
        "Right {at_place}, {pet} was chasing a butterfly in circles, having the best day ever. When {pet} saw {hero}, the {pet_kind} came racing over and jumped straight into {hero}'s arms.",
      ],
    },
  },
  {
    id: 'space-trip',
    version: 1,
    title: 'A Trip into Space',
    titles: ["{hero}'s Trip into Space", '{hero} and the Rainbow Comet', 'Up, Up and Away'],
    summary: 'A rocket trip to see the Rainbow Comet, which only comes once in a hundred years.',
    themeIds: ['curiosity', 'courage', 'teamwork'],
    keywords: ['space', 'rocket', 'moon', 'star', 'stars', 'planet', 'astronaut', 'comet', 'alien', 'galaxy'],
    slots: [
      {
        key: 'rocket',
        options: [{ rocket: 'the Silver Star' }, { rocket: 'the Zoom Bug' }, { rocket: 'the Moon Hopper' }],
      },
    ],
    settings: {
      start: ['launch-pad'],
      middle: ['moon', 'star-station', 'purple-planet', 'cloud-kingdom', 'comet-field'],
      final: ['comet-field', 'ring-planet', 'purple-planet', 'moon', 'star-station'],
    },
    premise: {
      young: [
        'Today was a big day. The Rainbow Comet was coming! {hero} climbed into {rocket}. Three, two, one, blast off!',
        '"The Rainbow Comet comes only once in a hundred years," said {hero}. "We must see it!" Into {rocket} {they} went. Whoosh!',
      ],
      older: [
        'Once every hundred years, the Rainbow Comet swept across the sky, and this was the year. {hero} had been counting the days. Now {rocket} stood ready on the launch pad, its silver sides gleaming. Three, two, one, and up it roared into the sky!',
        'Everyone said the Rainbow Comet would only be seen from deep in space. So {hero} packed a bag, checked the controls of {rocket} twice, and pressed the big green button. The rocket rumbled, shook and shot up into the stars.',
      ],
    },
    goal: 'see the Rainbow Comet',
    clues: {
      young: [
        'Far away, something sparkled in every colour. Was it the comet?',
        'A little rainbow light zipped past the window. The comet was close!',
        'The radio crackled. "The comet is coming this way," said a voice.',
      ],
      older: [
        'Far away, a streak of colour flickered across the darkness, red and gold and green. It vanished almost at once, but it meant the comet was getting closer.',
        'The radio crackled into life. "Calling {rocket}," said a friendly voice. "The Rainbow Comet is heading your way. Keep your eyes open."',
        'A sprinkle of glittering dust floated past the window. {hero} had read about this: comets leave a trail of shining dust behind them.',
      ],
    },
    finale: {
      young: [
        'Then, {at_place}, {they} saw it. The Rainbow Comet! Its long tail was red, yellow, green and blue. "Wow!" said {hero}. It was the best thing ever.',
        'Whoosh! The Rainbow Comet flew past, {at_place}. It painted the sky in every colour. {hero} waved, and it seemed to wink back.',
      ],
      older: [
        'And then, {at_place}, the Rainbow Comet appeared. It swept silently across the darkness, trailing a tail of every colour there was, and for a long moment nobody said a single word. It was even more beautiful than {hero} had imagined.',
        "Suddenly the whole sky lit up. The Rainbow Comet blazed past, {at_place}, so close that its colours danced across everyone's faces. {hero} laughed out loud, because some things are simply too wonderful to keep quiet about.",
      ],
    },
  },
  {
    id: 'dragon-dark',
    version: 1,
    title: 'The Dragon Who Was Afraid of the Dark',
    titles: ['{dragon} and the Dark', 'The Dragon Who Was Afraid of the Dark', '{hero} and the Shy Dragon'],
    summary: 'A little dragon is afraid of the dark, and friends set out to show the night is full of wonders.',
    themeIds: ['courage', 'friendship', 'kindness'],
    keywords: ['dragon', 'dark', 'night', 'afraid', 'scared', 'brave', 'fear', 'cave'],
    slots: [
      {
        key: 'dragon',
        options: [{ dragon: 'Smoky' }, { dragon: 'Puff' }, { dragon: 'Flicker' }, { dragon: 'Cinder' }],
      },
    ],
    settings: {
      start: ['dragon-cave'],
      middle: ['night-forest', 'crystal-cave', 'mountain', 'starlit-lake', 'firefly-meadow'],
      final: ['firefly-meadow', 'starlit-lake', 'hill', 'night-forest'],
    },
    premise: {
      young: [
        '{dragon} the little dragon had a secret. {dragon} was afraid of the dark. "Will you help me?" asked {dragon}. "Yes," said {hero}.',
        'Every night, {dragon} the dragon hid under a blanket. "The dark is too big," said {dragon}. {hero} held out a hand. "Come and see."',
      ],
      older: [
        'Everyone thought dragons were afraid of nothing, but {dragon} had a secret: as soon as the sun went down, {dragon} hid under the biggest blanket in the cave. Tonight, {hero} had come with a plan to show {dragon} what the night was really like.',
        '"The dark is so big and so quiet," whispered {dragon}, a little dragon with a tail wrapped tightly around the cave door. {hero} smiled and held out a hand. "Then let us go and find out what is in it. I promise I will stay right beside you."',
      ],
    },
    goal: 'help {dragon} feel brave in the dark',
    clues: {
      young: [
        '{dragon} looked up. A star was twinkling. "Oh," said {dragon}. "That is pretty."',
        '{dragon} took a deep breath. "The dark is not so bad," {dragon} said, with a tiny smile.',
        "A little puff of warm light came from {dragon}'s nose. {dragon} giggled.",
      ],
      older: [
        '{dragon} stopped and looked up. Between the leaves, a single star was shining. "I never knew the dark had lights in it," {dragon} said, and {dragon}\'s wings stopped trembling, just a little.',
        '{dragon} breathed out slowly, and a small warm glow lit the path. "I made that," {dragon} whispered, amazed. "Maybe the dark is not so scary when you bring your own light."',
        'For the first time, {dragon} walked ahead instead of behind. Each step was a little braver than the last, and {hero} could see it.',
      ],
    },
    finale: {
      young: [
        'Then, {at_place}, {dragon} saw a thousand lights. Stars above, glowing bugs below. "The dark is beautiful!" said {dragon}. {dragon} was not afraid any more.',
        '{at_place}, {dragon} sat down and looked at the moon. "I like the night," said {dragon}. "It is soft and sparkly." {hero} smiled.',
      ],
      older: [
        '{At_place}, {dragon} finally looked all around, and gasped. The night was not empty at all. It was full of stars and moonlight and tiny glowing creatures, soft sounds and gentle shadows. "It was never scary," {dragon} said. "I just had not met it properly."',
        '{At_place}, {dragon} lay back on the cool grass and gazed at the sky. "I think the dark was only waiting for me to say hello," {dragon} said. From that night on, {dragon}\'s blanket stayed folded in the corner of the cave.',
      ],
    },
  },
  {
    id: 'underwater-school',
    version: 1,
    title: 'The Underwater School',
    titles: ['{hero} at Underwater School', 'The Missing Bell-Shell', 'A Day at Coral School'],
    summary: 'At a school under the sea, the golden bell-shell has gone missing just before the big show.',
    themeIds: ['teamwork', 'curiosity', 'friendship'],
    keywords: ['underwater', 'sea', 'ocean', 'school', 'fish', 'mermaid', 'coral', 'reef', 'class', 'whale'],
    slots: [
      {
        key: 'show',
        options: [{ show: 'the Sea Song Show' }, { show: 'the Bubble Play' }, { show: 'the Great Fish Parade' }],
      },
    ],
    settings: {
      start: ['coral-class'],
      middle: ['kelp-forest', 'shipwreck', 'reef', 'shell-playground', 'pearl-cave'],
      final: ['whale-hall', 'reef', 'shipwreck', 'kelp-forest'],
    },
    premise: {
      young: [
        'It was the day of {show} at Coral School. But the golden bell-shell was gone! No bell, no show. "We can find it," said {hero}.',
        '"Oh dear," said Miss Inky. "The golden bell-shell is missing. {show} cannot start without it." {hero} swam up. "We will look!"',
      ],
      older: [
        'Coral School was buzzing, because today was {show}. There was only one problem: the golden bell-shell, which always rang to start the show, had vanished from its shelf. Miss Inky, the octopus teacher, looked very worried, so {hero} offered to find it.',
        'Every year, {show} began with three rings of the golden bell-shell. This year, when Miss Inky reached for it, the shelf was empty. The whole class gasped, and {hero} was the first to volunteer to search.',
      ],
    },
    goal: 'find the golden bell-shell',
    clues: {
      young: [
        'Ting! A tiny sound came from far away. It sounded like a bell!',
        'There was a trail of golden sparkles in the sand. The bell-shell was this way!',
        'A little fish said, "I saw something golden float by!"',
      ],
      older: [
        'Faint and far away, something went ting, ting. It was the unmistakable sound of the golden bell-shell, carried on the current.',
        'A trail of golden glitter drifted in the water, exactly the kind that flaked off the bell-shell when it was polished.',
        '"I saw something shiny go by," said a little striped fish. "It was rolling along with the current, and it was singing!"',
      ],
    },
    finale: {
      young: [
        '{At_place}, there it was: the golden bell-shell! A baby whale was holding it. "I just wanted to hear it ring," said the whale. "Come to {show}," said {hero}. Ting, ting, ting! The show began.',
        '{At_place}, the bell-shell was stuck in some seaweed. {hero} pulled it free. Back at school, it rang: ting, ting, ting! {show} could start.',
      ],
      older: [
        '{At_place}, {they} finally found it. A baby whale was cradling the golden bell-shell, ringing it softly. "I only wanted to hear it up close," the whale said shyly. {hero} had a wonderful idea, and that afternoon the baby whale rang the bell to begin {show}.',
        '{At_place}, the golden bell-shell was caught in a curtain of seaweed, ringing each time the water moved. {hero} gently untangled it, and {they} raced back to school just in time. Three clear rings echoed through the water, and {show} began.',
      ],
    },
  },
  {
    id: 'library-mystery',
    version: 1,
    title: 'The Mystery in the Library',
    titles: ['{hero} and the Library Mystery', 'The Moving Books', 'Who Moved the Books?'],
    summary: 'Every morning the library books are in new places. Who is moving them at night?',
    themeIds: ['curiosity', 'honesty', 'kindness'],
    keywords: ['library', 'book', 'books', 'mystery', 'detective', 'clue', 'clues', 'secret', 'read', 'reading'],
    slots: [
      {
        key: 'book',
        options: [
          { book: 'the Big Book of Dragons' },
          { book: 'the Atlas of Everywhere' },
          { book: 'the Giant Book of Jokes' },
        ],
      },
    ],
    settings: {
      start: ['reading-room'],
      middle: ['attic', 'map-room', 'clock-tower', 'book-cellar', 'library-garden'],
      final: ['story-corner', 'attic', 'book-cellar', 'map-room'],
    },
    premise: {
      young: [
        'Something funny was going on at the library. Every morning, the books were in new places! Today, {book} was gone. "Who is moving the books?" asked {hero}.',
        'Mr Page the librarian scratched his head. "The books move at night," he said. "And now {book} is missing!" {hero} grinned. "A mystery!"',
      ],
      older: [
        "Something very strange was happening at the town library. Every morning, Mr Page the librarian found the books in new places, and today {book} had disappeared completely. {hero} pulled on a detective's hat. This was a mystery that needed solving.",
        'Mr Page looked puzzled. "Every night, the books move," he said. "Yesterday the poems were in the cookery section. And now {book} has gone." {hero} took out a notebook and wrote in big letters: THE CASE OF THE MOVING BOOKS.',
      ],
    },
    goal: 'find out who is moving the books',
    clues: {
      young: [
        'On the floor was a trail of tiny crumbs. Someone had been snacking!',
        'A book was left open at a page about cheese. How odd!',
        '{hero} found a tiny footprint in the dust. It was very, very small.',
      ],
      older: [
        'A trail of tiny crumbs led between the shelves, as if someone very small had been eating biscuits while they read.',
        '{hero} found a book lying open at a page about cheese, with a bookmark made from a bit of string. Whoever was moving the books was clearly reading them too.',
        'In the dust there was a row of footprints no bigger than buttons. {hero} knelt down and looked closely: they were not human footprints at all.',
      ],
    },
    finale: {
      young: [
        '{At_place}, {hero} found a cosy nest of books. In the middle sat a family of mice, reading {book}! "We love stories," said the mother mouse. "Then come to story time," said {hero}.',
        '{At_place}, a tiny voice was reading out loud. It was a little mouse, with {book}! "I am sorry," squeaked the mouse. "I just love books." Mystery solved!',
      ],
      older: [
        '{At_place}, {hero} discovered a tiny reading nook built from stacked books, and in the middle sat a family of mice, reading {book} by the light of a thimble lamp. "We only borrow them at night," the mother mouse said. From then on, the library held a special story time for mice.',
        '{At_place}, a small voice was reading aloud. A young mouse sat on {book}, turning the pages with both paws. "I am sorry," it squeaked. "I just wanted to know how it ends." {hero} laughed, and Mr Page made the mouse the library\'s first very small member.',
      ],
    },
  },
  {
    id: 'treasure-map',
    version: 1,
    title: 'The Map in the Bottle',
    titles: ['{hero} and the Map in the Bottle', 'The Treasure of Palm Tree Island', 'X Marks the Spot'],
    summary: 'A bottle washes up with an old map inside. Where does it lead?',
    themeIds: ['teamwork', 'curiosity', 'friendship'],
    keywords: ['treasure', 'map', 'pirate', 'pirates', 'island', 'bottle', 'gold', 'chest', 'beach', 'adventure'],
    slots: [
      {
        key: 'captain',
        options: [{ captain: 'Captain Barnacle' }, { captain: 'Captain Sandy' }, { captain: 'Captain Pebble' }],
      },
    ],
    settings: {
      start: ['beach'],
      middle: ['island', 'jungle', 'shipwreck', 'hill', 'forest'],
      final: ['crystal-cave', 'island', 'jungle', 'hill'],
    },
    premise: {
      young: [
        'A bottle washed up on the sand. Inside was an old map! At the bottom it said: "From {captain}." And there was a big red X. "Treasure!" said {hero}.',
        '{hero} found a bottle in a rock pool. Inside was a map with a red X on it. "Let us find the treasure," said {hero}.',
      ],
      older: [
        'The morning after the storm, a green glass bottle bobbed up onto the sand. {hero} pulled out the cork and found a rolled-up map, yellow with age and signed "{captain}". In one corner was a big red X, and beside it were the words: For whoever finds me.',
        'Among the seaweed on the shore, {hero} spotted something glinting. It was an old bottle, sealed with wax, and inside was a map drawn by {captain} long ago. A dotted line wound across the page to a bright red X.',
      ],
    },
    goal: 'follow the map to the treasure',
    clues: {
      young: [
        'There was a rock with an X on it. This was the right path!',
        'The map showed a tree shaped like a hook. And there it was!',
        'Someone had carved an arrow on a tree. It pointed the way.',
      ],
      older: [
        'A large rock by the path had an X scratched into it, exactly like the one on the map. This was definitely the right track.',
        'The map showed a tree bent into the shape of a hook, and there it stood, just as {captain} had drawn it years and years ago.',
        'Someone had carved a small arrow into a tree trunk. It was old and covered in moss, but it still pointed the way.',
      ],
    },
    finale: {
      young: [
        '{At_place}, {they} dug where the X was. Clunk! A little chest! Inside were shells, marbles and a note: "Treasure is best shared." {hero} shared it with everyone.',
        '{At_place} was the X. {hero} opened the old chest. It was full of toys and a note from {captain}: "Share me with friends!" And {they} did.',
      ],
      older: [
        '{At_place}, exactly where the X had promised, {they} found a small wooden chest. Inside were shells, glass marbles, a tin whistle and a note in curly writing: "The best treasure is the one you share. Love, {captain}." So {hero} shared every piece of it with friends.',
        '{At_place}, the spade hit something hard. Inside the old chest were toys from long ago, a spyglass and a letter from {captain}, who had hidden the chest as a child. "Share it," the letter said, and {hero} decided to do exactly that.',
      ],
    },
  },
  {
    id: 'giant-seed',
    version: 1,
    title: 'The Giant Seed',
    titles: ['{hero} and the Giant Seed', 'The Seed That Wanted to Grow', 'A Very Big Seed'],
    summary: 'A magic seed will only grow in the perfect place. Where is it?',
    themeIds: ['nature', 'patience', 'curiosity'],
    keywords: ['seed', 'plant', 'garden', 'grow', 'flower', 'tree', 'magic', 'nature', 'rain', 'sun'],
    slots: [
      { key: 'seed', options: [{ seed_colour: 'golden' }, { seed_colour: 'silver' }, { seed_colour: 'rainbow' }] },
    ],
    settings: {
      start: ['garden'],
      middle: ['meadow', 'pond', 'forest', 'park', 'cloud-kingdom'],
      final: ['hill', 'meadow', 'park', 'cloud-kingdom'],
    },
    premise: {
      young: [
        '{hero} found a big {seed_colour} seed. It was warm, and it hummed! A little note said: "Plant me in the best place." "Where is that?" asked {hero}.',
        'A {seed_colour} seed fell from the sky and landed at {hero}\'s feet. "Plant me somewhere special," it whispered. {hero} put it in a pot.',
      ],
      older: [
        'While digging in the vegetable patch, {hero} found a seed as big as an egg, {seed_colour} and faintly warm, humming a tune. Tied to it was a label in tiny writing: Plant me in the place where I belong. {hero} carefully tucked it into a flowerpot to carry along.',
        'The {seed_colour} seed had dropped out of a passing cloud and landed right in front of {hero}. "Please," it whispered, "find me the perfect place to grow." {hero} settled it in a flowerpot and set off to look.',
      ],
    },
    goal: 'find the perfect place for the seed',
    clues: {
      young: [
        'The seed in the pot wiggled. "Warmer," it hummed. "We are close!"',
        'A tiny green shoot popped out of the seed. It was getting ready!',
        'The seed glowed a little brighter. It liked it here, but not quite enough.',
      ],
      older: [
        'The seed gave a little wiggle in its pot and hummed a higher note. "Warmer," it seemed to say. "You are getting warmer."',
        'A tiny green shoot peeked out from the top of the seed, curling towards the sunlight as if it were looking for something.',
        'The seed glowed brighter for a moment and then dimmed again. This place was lovely, but it was clearly not quite the right one.',
      ],
    },
    finale: {
      young: [
        '{At_place}, the seed jumped in the pot. "Here!" it sang. {hero} planted it. Whoosh! Up grew a tree with flowers of every colour. Birds came to sing in it.',
        '{At_place}, {hero} planted the seed and gave it some water. {They} waited. And waited. Then pop! A beautiful tree grew up, full of fruit for everyone.',
      ],
      older: [
        '{At_place}, the seed began to sing so loudly that the pot shook. {hero} planted it, patted the soil and gave it a drink of water. Nothing happened at first, but everyone waited patiently, and at last a tree unfolded towards the sky, covered in flowers of every colour.',
        '{At_place}, the humming turned into a happy song. {hero} dug a small hole, planted the seed and waited. Slowly, then all at once, a tree grew tall and wide, its branches heavy with fruit for every creature that passed by.',
      ],
    },
  },
  {
    id: 'robot-spark',
    version: 1,
    title: 'The Robot Who Lost Its Spark',
    titles: ['{hero} and {robot}', 'A Spark for {robot}', 'The Robot Who Lost Its Spark'],
    summary: 'A friendly robot has run out of spark, and only a special part will wake it up.',
    themeIds: ['friendship', 'imagination', 'teamwork'],
    keywords: ['robot', 'machine', 'invent', 'inventor', 'spark', 'build', 'gears', 'broken', 'fix', 'workshop'],
    slots: [{ key: 'robot', options: [{ robot: 'Tinker' }, { robot: 'Gizmo' }, { robot: 'Sprocket' }] }],
    settings: {
      start: ['workshop'],
      middle: ['junk-market', 'clock-tower', 'market', 'school', 'castle'],
      final: ['crystal-cave', 'clock-tower', 'junk-market', 'hill'],
    },
    premise: {
      young: [
        '{robot} the robot would not wake up. Its eyes were dark. "It needs a new spark," said {hero}. "Let us go and find one!"',
        'Beep... beep... {robot} stopped. {robot}\'s lights went out. "Oh no," said {hero}. "We need a spark crystal to fix {robot}."',
      ],
      older: [
        '{robot} the robot had been {hero}\'s friend for as long as anyone could remember, but this morning {robot} would not switch on. The little lights on its chest stayed dark. "The spark crystal has run out," {hero} said. "We need to find a new one."',
        'With a long, sad whirr, {robot} slowed down and stopped in the middle of the workshop. {hero} opened the panel on its back and found the spark crystal had gone dull and grey. Somewhere out there, there had to be a new one.',
      ],
    },
    goal: 'find a new spark for {robot}',
    clues: {
      young: [
        'Something on the ground gave a tiny blue flash. A bit of spark dust!',
        'An old sign said: "Spark crystals, this way." Hooray!',
        "{hero}'s pocket buzzed. It was the old spark crystal. It buzzed when a new one was near!",
      ],
      older: [
        'A pinch of blue dust on the ground gave a tiny fizzing flash. It was spark dust, the kind that only falls from real spark crystals.',
        'An old hand-painted sign, half hidden under ivy, pointed down the path. It read: Spark Crystals, Fresh Today.',
        "The dull old crystal in {hero}'s pocket began to buzz gently. Spark crystals always hum when another one is close by.",
      ],
    },
    finale: {
      young: [
        '{At_place}, there it was: a bright blue spark crystal! {hero} put it inside {robot}. Whirr! Beep! {robot} opened its eyes. "Hello, friend!" it said.',
        "{At_place}, {hero} found a glowing spark crystal. Click! In it went. {robot}'s lights came on, and {robot} did a happy dance.",
      ],
      older: [
        '{At_place}, glowing softly among the stones, was a perfect blue spark crystal. Back in the workshop, {hero} clicked it into place. {robot} whirred, blinked and sat up. "Did I miss anything?" {robot} asked, and everyone laughed so hard they had to sit down.',
        "{At_place}, a spark crystal the size of a plum shone like a small blue star. {hero} fitted it carefully into {robot}'s chest, and the robot's lights flickered, then blazed. {robot} spun around twice and gave {hero} a very careful, very happy hug.",
      ],
    },
  },
  {
    id: 'birthday-surprise',
    version: 1,
    title: 'The Secret Birthday Surprise',
    titles: ['A Surprise for {guest}', "{guest}'s Secret Party", '{hero} Plans a Surprise'],
    summary: 'Everything must be ready for a surprise party before the guest of honour comes home.',
    themeIds: ['kindness', 'family', 'teamwork'],
    keywords: ['birthday', 'party', 'surprise', 'cake', 'present', 'gift', 'celebrate', 'balloons', 'friend'],
    slots: [{ key: 'guest', options: [{ guest: 'Grandpa Joe' }, { guest: 'Auntie May' }, { guest: 'Mr Bumble' }] }],
    settings: {
      start: ['home'],
      middle: ['bakery', 'market', 'garden', 'school', 'pond'],
      final: ['park', 'garden', 'meadow', 'beach'],
    },
    premise: {
      young: [
        'It was {guest}\'s birthday! {hero} wanted a surprise party. "We need a cake, balloons and a song," said {hero}. "Quick, before {guest} comes home!"',
        '"Shh!" said {hero}. "Today is {guest}\'s birthday. Let us make a secret party." There was lots to do!',
      ],
      older: [
        '{guest} had been so busy helping everyone else that nobody had planned a birthday party, and {hero} decided that simply would not do. There was a cake to collect, decorations to find and a song to practise, all before {guest} came home at teatime.',
        "Today was {guest}'s birthday, and {guest} thought everyone had forgotten. {hero} had other ideas. A secret list was hidden in a pocket: cake, bunting, presents, and one big surprise. The clock was ticking.",
      ],
    },
    goal: "get everything ready for {guest}'s surprise party",
    clues: {
      young: [
        'A lady gave them some bunting. "For the party!" she said. One more thing done!',
        '{They} found a big box of candles. Now the cake would glow!',
        'A bird sang a happy tune. "That can be our party song!" said {hero}.',
      ],
      older: [
        'A kind neighbour handed over a bundle of bright bunting. "For the party," she whispered, with a wink. One more thing could be crossed off the list.',
        '{hero} found a box of candles shaped like little stars. The cake would look magnificent, and there were even spares for wishes.',
        'A blackbird on a fence sang a bright, bouncy tune, and {hero} hummed along. It would make a perfect birthday song.',
      ],
    },
    finale: {
      young: [
        '{At_place}, everything was ready. Here came {guest}! "Surprise!" everyone shouted. {guest} laughed and clapped. "The best birthday ever!" said {guest}.',
        '{At_place}, the cake was on the table and the balloons were up. {guest} walked in. "Surprise!" {guest} gave {hero} a big hug.',
      ],
      older: [
        '{At_place}, the bunting was up, the candles were lit and everyone was hiding behind a bush, trying very hard not to giggle. When {guest} walked by, they all jumped out and shouted, "Surprise!" {guest} laughed until happy tears came, and said it was the best birthday in years.',
        '{At_place}, the party was finally ready just as {guest} came strolling along. "Surprise!" everyone cried. {guest} stood perfectly still, then broke into the biggest smile {hero} had ever seen. They sang, shared the cake and danced until the sun went down.',
      ],
    },
  },
  {
    id: 'runaway-kite',
    version: 1,
    title: 'The Runaway Kite',
    titles: ['{hero} and the Runaway Kite', 'Catch That Kite!', 'The Kite That Flew Away'],
    summary: 'A gust of wind snatches a new kite, and the chase is on.',
    themeIds: ['patience', 'courage', 'friendship'],
    keywords: ['kite', 'wind', 'windy', 'fly', 'flying', 'sky', 'chase', 'blow', 'breeze'],
    slots: [
      {
        key: 'kite',
        options: [
          { kite_look: 'red dragon kite' },
          { kite_look: 'rainbow fish kite' },
          { kite_look: 'blue bird kite' },
        ],
      },
    ],
    settings: {
      start: ['park'],
      middle: ['market', 'school', 'clock-tower', 'pond', 'meadow'],
      final: ['hill', 'beach', 'cloud-kingdom', 'meadow'],
    },
    premise: {
      young: [
        '{hero} had a new {kite_look}. Up it went! Then whoosh, a big wind came. The string slipped away. "Come back!" called {hero}.',
        'The {kite_look} flew high in the park. Then the wind gave a big puff, and snap! Off it went. "After it!" cried {hero}.',
      ],
      older: [
        "It was the first windy day of spring, and {hero} had been waiting all week to fly the new {kite_look}. It soared beautifully, until a sudden gust tugged the string right out of {hero}'s hands. The kite danced away over the rooftops.",
        "The {kite_look} climbed higher and higher, its tail swishing in the breeze. Then the wind changed its mind, the string slipped through {hero}'s fingers, and the kite went sailing away over the trees.",
      ],
    },
    goal: 'catch the runaway kite',
    clues: {
      young: [
        "Look! The kite's tail was stuck on a fence. Then it blew away again!",
        'A girl pointed up. "Your kite went that way!" she said.',
        'Far up in the sky, {hero} saw a little dot. The kite!',
      ],
      older: [
        "For a moment, the kite's tail caught on a fence post, and {hero} almost reached it. Then the wind gave another tug, and it was off again.",
        'A girl on a bicycle pointed up at the sky. "Is that yours?" she called. "It went that way, and it was still going strong."',
        'High above, {hero} spotted a small bright shape looping through the clouds. It was definitely the kite, and it seemed to be enjoying itself.',
      ],
    },
    finale: {
      young: [
        "{At_place}, the wind stopped. Down, down came the kite, right into {hero}'s hands! {hero} held the string tight and flew it again, happy and proud.",
        '{At_place}, the kite was caught on a branch. {hero} gently got it down. "Let us fly it together," said {hero}. Up it went, high and happy.',
      ],
      older: [
        "{At_place}, the wind finally grew tired. The kite fluttered down, swaying like a falling leaf, and landed gently in {hero}'s arms. This time {hero} tied the string firmly around one wrist, and {they} flew it until the sun began to set.",
        '{At_place}, the kite had tangled itself in the branches of a small tree, its tail waving like a flag. {hero} climbed up carefully, freed it and held it high. When the breeze came back, the kite rose again, and this time the string stayed safe.',
      ],
    },
  },
  {
    id: 'missing-stars',
    version: 1,
    title: 'The Night the Stars Went Out',
    titles: ['{hero} and the Missing Stars', 'The Night the Stars Went Out', 'Bring Back the Stars'],
    summary: 'One night the stars are gone, and someone has to find out where they went.',
    themeIds: ['courage', 'imagination', 'kindness'],
    keywords: ['stars', 'night', 'sky', 'moon', 'dark', 'missing', 'bedtime', 'sleep', 'dream'],
    slots: [{ key: 'star', options: [{ star: 'Twinkle' }, { star: 'Glimmer' }, { star: 'Sparkle' }] }],
    settings: {
      start: ['home'],
      middle: ['night-forest', 'starlit-lake', 'firefly-meadow', 'hill', 'crystal-cave'],
      final: ['cloud-kingdom', 'hill', 'starlit-lake', 'firefly-meadow'],
    },
    premise: {
      young: [
        'At bedtime, {hero} looked out of the window. The sky was dark. No stars! Then a tiny star called {star} tapped on the glass. "Please help us," it said.',
        'Where were the stars? The sky was empty. A little star called {star} floated down. "The stars are lost," said {star}. "Will you help?"',
      ],
      older: [
        'At bedtime, {hero} opened the curtains to say goodnight to the stars, as always. But the sky was completely empty. Then something small and bright tapped on the window. It was a tiny star named {star}, and it looked very worried.',
        'That night, the sky was as dark as ink, without a single star. As {hero} stared up, a little light drifted down to the windowsill. "I am {star}," it said. "The others have got lost on their way home, and I cannot find them alone."',
      ],
    },
    goal: 'bring the stars back to the sky',
    clues: {
      young: [
        'Something sparkled behind a rock. It was a sleepy little star! "Go home," said {hero}. Up it floated.',
        '{star} glowed brighter. "My friends are near," said {star}.',
        'Three tiny stars were hiding in a bush. "Up you go!" said {hero}.',
      ],
      older: [
        'Behind a rock, something was glimmering. It was a small star, fast asleep. {hero} woke it gently, and it floated back up into the sky, yawning.',
        '{star} began to glow more brightly, the way stars do when their friends are close. "They are near," it whispered. "I can feel them."',
        'A whole handful of stars had tangled themselves in a bush. One by one, {hero} set them free, and they rose up like sparks from a fire.',
      ],
    },
    finale: {
      young: [
        '{At_place}, {they} found all the stars, playing hide and seek! "Time to go home," said {star}. Up they went. The sky shone bright again. "Goodnight!" said {hero}.',
        '{At_place}, the lost stars were having a nap. {hero} sang a song. The stars woke up and flew home. The whole sky twinkled.',
      ],
      older: [
        '{At_place}, {they} found the rest of the stars, playing hide and seek and having far too much fun to notice the time. "Home, everyone!" called {star}. One by one they rose, until the whole sky glittered again. Then {hero} went home and slept very well indeed.',
        '{At_place}, hundreds of stars lay curled up asleep, worn out from a long game. {hero} hummed a gentle tune, and they woke, stretched and floated upwards. Soon the sky was sparkling again, and {star} winked goodnight before taking its place among the others.',
      ],
    },
  },
  {
    id: 'rainbow-egg',
    version: 1,
    title: 'The Rainbow Egg',
    titles: ['{hero} and the Rainbow Egg', 'A Home for the Egg', 'The Egg in the Grass'],
    summary: 'A speckled rainbow egg is found alone in the grass, and it needs to go home.',
    themeIds: ['nature', 'kindness', 'family'],
    keywords: ['egg', 'bird', 'nest', 'baby', 'hatch', 'animal', 'animals', 'mother', 'home', 'rainbow'],
    slots: [{ key: 'bird', options: [{ bird: 'Mama Bluebird' }, { bird: 'Mother Swan' }, { bird: 'Mrs Feathers' }] }],
    settings: {
      start: ['meadow'],
      middle: ['forest', 'pond', 'jungle', 'park', 'garden'],
      final: ['hill', 'mountain', 'forest', 'starlit-lake'],
    },
    premise: {
      young: [
        'In the grass, {hero} found an egg. It had rainbow spots! "Where is your mummy?" asked {hero}. The egg wobbled. It needed to go home.',
        'Something small and round lay in the meadow. A rainbow egg! "It is lost," said {hero}. "Let us take it home."',
      ],
      older: [
        'Hidden in the long grass was an egg unlike any {hero} had ever seen, speckled with every colour of the rainbow. It was warm, and every now and then it gave a tiny wobble. Somewhere, a mother bird must be looking for it.',
        '{hero} almost stepped on it: a small, warm egg covered in rainbow speckles, all alone in the meadow. Wrapping it carefully in a soft scarf, {hero} decided to find its nest before it was time to hatch.',
      ],
    },
    goal: 'take the rainbow egg home to its nest',
    clues: {
      young: [
        'A rainbow feather floated down. "That is from the egg\'s family!" said {hero}.',
        'The egg went tap, tap. "Hurry," it seemed to say.',
        'A bird called from far away. The egg wobbled back!',
      ],
      older: [
        'A feather came drifting down, striped in the same rainbow colours as the egg. The family could not be far away now.',
        'From inside the egg came a faint tap, tap, tap. It would not be long before it hatched, so there was no time to lose.',
        'Far away, a bird gave a long, sad call, and the egg wobbled in reply, as if it recognised the voice.',
      ],
    },
    finale: {
      young: [
        '{At_place}, there was a big nest. {bird} was crying. "My egg!" she sang. {hero} put the egg in the nest. Crack! Out came a fluffy baby bird. Hooray!',
        '{At_place}, {bird} was looking everywhere. {hero} held up the egg. "Thank you!" said {bird}. Then the egg hatched. Peep, peep!',
      ],
      older: [
        '{At_place}, high in a nest of twigs and moss, {bird} was calling sadly. When she saw the egg, she flew down with a joyful song. {hero} placed the egg gently in the nest, and a moment later it cracked open. A fluffy rainbow chick blinked up at everyone and gave its very first peep.',
        '{At_place}, {bird} was searching every bush and branch. Her whole face lit up at the sight of the egg. "You brought it home," she sang. As {hero} set it in the nest, the shell split, and out tumbled a damp, fluffy chick who chirped as if saying thank you.',
      ],
    },
  },
];

export const TEMPLATES_BY_ID: ReadonlyMap<string, StoryTemplate> = new Map(TEMPLATES.map((t) => [t.id, t]));
