import type { Lines } from '../assets/asset-types';
import type { Register } from './lexicon';

// The sentence patterns a page is built from, per register (young 4–6, middle 7–9, older 10–12).
// Values: {hero} {hero_kind} {he} {him} {his} {he_was}; {team} (who is present) {team_was} {they}
// {them} {their} {they_were}; {buddy} (a friend present); {place} {at_place} {to_place}; {sight}
// {sight2} {sound} {feel} {feel2}; {goal}; and per beat {helper} {item} {obstacle} {joiner} {to_a}
// {to_b} {lesson}. "@group " lines need two or more present, "@solo " lines exactly one.

type Frames = Record<Register, Lines>;

const same = (lines: Lines): Frames => ({ young: lines, middle: lines, older: lines });

export const OPENING: Frames = {
  young: [
    'One #time#, {hero} the {hero_kind} was {at_place}, #doing#.',
    'Once upon a time, there was a {trait} {hero_kind} called {hero}. One #time#, {hero} was #doing# {at_place}.',
    'It was a #time#. {hero} the {hero_kind} was {at_place}, #doing#.',
    'This is {hero}. {hero} is a {trait} {hero_kind}. One #time#, {hero} was #doing#.',
    '{hero} the {hero_kind} was #doing# {at_place}. It was a #time#.',
  ],
  middle: [
    'On a #time#, {hero} the {hero_kind} was {at_place}, #doing#.',
    'Once upon a time, there was a {trait} {hero_kind} called {hero}. One #time#, {hero} was {at_place}, #doing#.',
    'It was a #time#, and {hero} the {hero_kind} was #doing# {at_place}.',
    'Nobody who knew {hero} the {hero_kind} would have called {him} ordinary. On this #time#, {hero} was {at_place}, #doing#.',
    '{hero} the {hero_kind} was busy #doing# {at_place}. It was a #time#, and it was about to get exciting.',
  ],
  older: [
    'It was a #time#, and {hero}, a {trait} {hero_kind} with a head full of questions, was {at_place}, #doing#.',
    'On a #time#, {hero} the {hero_kind} was {at_place}, #doing#, with no idea that the day was about to become an adventure.',
    'Some days begin quietly and end in an adventure, and this #time# was one of them. {hero} the {hero_kind} was {at_place}, #doing#.',
    'Everyone agreed that {hero} the {hero_kind} was {trait}, but nobody knew quite how {trait} until one #time#, {at_place}.',
    '{hero} the {hero_kind} had spent most of the #time# {at_place}, #doing#, when everything suddenly changed.',
  ],
};

export const BUDDY_INTRO: Frames = {
  young: [
    '{buddy} the {buddy_kind} was there too.',
    "{hero}'s best friend, {buddy} the {buddy_kind}, was there too.",
    '{buddy} the {buddy_kind} came along to help.',
  ],
  middle: [
    "{hero}'s best friend, {buddy} the {buddy_kind}, was there too, as usual.",
    '{buddy} the {buddy_kind}, who went everywhere with {hero}, was right there as well.',
  ],
  older: [
    "{hero}'s best friend, {buddy} the {buddy_kind}, was there too, because the two of them did almost everything together.",
    'Beside {hero} stood {buddy} the {buddy_kind}, who had never once said no to an adventure.',
  ],
};

export const ALSO_THERE: Frames = {
  young: ['{buddy} the {buddy_kind} came too.', 'So did {buddy} the {buddy_kind}.'],
  middle: ['{buddy} the {buddy_kind} had come along as well.'],
  older: ['{buddy} the {buddy_kind} had come along too, never one to miss the fun.'],
};

export const SET_OFF: Frames = {
  young: [
    '"Let us go and {goal}," said {hero}.',
    '"We must {goal}!" said {hero}. Off {they} went.',
    '"I know! We will {goal}," said {hero}.',
  ],
  middle: [
    '"Come on," said {hero}. "We are going to {goal}, and nothing is going to stop us."',
    '@group {team} looked at each other and nodded. {They} would {goal}, together.',
    '@solo {hero} nodded firmly. No matter what, {he} would {goal}.',
  ],
  older: [
    'So, with a deep breath and a hopeful heart, {team} set off to {goal}.',
    '"There is only one thing to do," {hero} said. "We have to {goal}, and we should start right now."',
    '@group {team} shared a look that meant the same thing: {they} were going to {goal}, whatever it took.',
    '@solo {hero} did not need to think twice. {he_was} going to {goal}, whatever it took.',
  ],
};

export const GO: Frames = {
  young: [
    '{team} #went# {to_place}.',
    'So off {they} went, {to_place}.',
    '{team} set off {to_place}[.|, hand in hand.|, singing.]',
    '"This way!" said {hero}. {They} #went# {to_place}.',
  ],
  middle: [
    '{team} #went# {to_place}, [chatting happily|wondering what {they} would find|walking as fast as {they} could].',
    'So off {they} went, {to_place}.',
  ],
  older: [
    '{team} #went# {to_place}, [talking over plans as {they} walked|wondering what {they} would find there|keeping a sharp eye out for anything unusual].',
    'Without wasting another moment, {team} #went# {to_place}.',
  ],
};

export const ASK_HELPER: Frames = {
  young: ['"Can you help us?" asked {hero}. "Of course," said {the_helper}.', '"Please help us," said {hero}.'],
  middle: ['"Could you help us, please?" asked {hero}. {The_helper} nodded at once.'],
  older: ['"Would you be able to help us?" {hero} asked politely. {The_helper} thought for a moment, then nodded.'],
};

export const USE_ITEM: Frames = {
  young: ['{hero} had an idea.', '"I know!" said {hero}.'],
  middle: ['{hero} remembered {the_item} and grinned.', '"Wait," said {hero}. "I have just the thing."'],
  older: ['{hero} suddenly remembered {the_item}, still tucked safely away, and smiled.'],
};

export const DETOUR: Frames = {
  young: ['{team} went the long way round instead.', '"Let us go the long way," said {hero}.'],
  middle: [
    '{team} decided to leave {the_obstacle} behind and go the long way round.',
    '"There must be another way," said {hero}, and {they} went the long way round.',
  ],
  older: [
    '{team} decided not to tackle {the_obstacle} after all, and took the long way round instead.',
    '"Sometimes the long way is the right way," said {hero}, and {they} turned back to take the winding path instead.',
  ],
};

export const ARRIVE: Frames = {
  young: [
    '#soon#, {team_was} {at_place}.',
    'Then {they} came {to_place}.',
    '#soon#, {they} reached {place}.',
    'At last {they} got to {place}. #wow#!',
  ],
  middle: ['#soon#, {team_was} {at_place}.', 'The path led {to_place}.', '#soon#, {they} arrived {at_place}.'],
  older: [
    '#soon#, the path brought {them} {to_place}.',
    'It was not long before {team} arrived {at_place}.',
    'The way led on. #soon#, {team_was} {at_place}.',
  ],
};

// Each pattern uses its own value (sight, sight2, sound, feel), so two descriptions on one page never
// repeat each other.
export const DESCRIBE: Frames = {
  young: [
    '{hero} could see {sight}.',
    '#wow#! {They} spotted {sight2}.',
    '{They} could hear {sound}.',
    'It was {feel} and {feel2}.',
  ],
  middle: [
    '[All around were|There were] {sight} and {sight2}[.|, and everyone stopped to look.]',
    '[Somewhere nearby|Not far away|From somewhere], {they} could hear {sound}.',
    'It was {feel} and {feel2} {at_place}[.|, just as {hero} had hoped.|, and {hero} smiled.]',
  ],
  older: [
    '[All around {them} were|{They} found {themselves} among] {sight} and {sight2}, [more than anyone could take in at once|and for a moment nobody spoke|each more interesting than the last].',
    '[Somewhere close by|From not far away|Faintly], {they} could hear {sound}, [which somehow made everything feel calmer|and {hero} stopped to listen|a sound {hero} would remember for a long time].',
    '[It was the kind of place that seemed {feel} and {feel2} at the same time|Everything here felt {feel} and {feel2}|The whole place was {feel} and {feel2}], and {hero} [liked it at once|felt right at home|felt {his} worries fade a little].',
  ],
};

export const JOIN: Frames = {
  young: [
    '"Wait for me!" called a voice. It was {joiner} the {joiner_kind}!',
    'Just then, {joiner} the {joiner_kind} came running. "Can I help?" asked {joiner}.',
  ],
  middle: [
    '"Wait for me!" called a voice, and {joiner} the {joiner_kind} came running up, out of breath.',
    'Just then, {joiner} the {joiner_kind} appeared. "I heard you were trying to {goal}," said {joiner}. "I want to help."',
  ],
  older: [
    'Just then, a familiar voice called out, and {joiner} the {joiner_kind} came hurrying along. "I heard you were trying to {goal}," {joiner} said, a little out of breath, "and I was not going to miss it."',
    '"Wait for me!" {joiner} the {joiner_kind} came dashing up, cheeks pink from running. Now there was one more friend for the adventure.',
  ],
};

export const MEET_HELPER: Frames = {
  young: ['There {they} met {helper}.', '{they} saw {helper}.'],
  middle: ['There {they} met {helper}.', 'Sitting nearby was {helper}.'],
  older: [
    'There, as if waiting for {them}, was {helper}.',
    'Nearby, {they} noticed {helper}, watching {them} with interest.',
  ],
};

export const FIND_ITEM: Frames = {
  young: [
    '{hero} found {item} by the path. "This could help," said {hero}.',
    'Look! There was {item}. {hero} picked it up.',
  ],
  middle: [
    'Half hidden near the path, {hero} found {item}. "This might come in handy," {he} said, and kept it safe.',
    '{hero} spotted {item} lying on the ground and picked it up carefully.',
  ],
  older: [
    'Half hidden at the side of the path, {hero} spotted {item}. It seemed like the sort of thing that might come in useful later, so {hero} tucked it away carefully.',
    'Something caught the light near {hero}\'s feet: it was {item}. "You never know," {hero} murmured, and kept it safe.',
  ],
};

export const FEELING: Frames = {
  young: [
    '@group {team} held hands. {They_were} a good team.',
    '@group "I am glad you are here," {buddy} said to {hero}.',
    '@solo {hero} hummed a little song to feel brave.',
    '{hero} felt #feel_good#.',
    '"We are getting close," said {hero}.',
  ],
  middle: [
    '@group "I am so glad we are doing this together," said {buddy}, and {hero} smiled.',
    '@group {buddy} nudged {hero}. "We make a good team, you know."',
    '@solo {hero} felt a little flutter of excitement. This was turning into a real adventure.',
    '{hero} felt #feel_good#. Every step brought {them} closer.',
  ],
  older: [
    '@group "Whatever happens," said {buddy}, "I am glad we are in this together." {hero} felt exactly the same.',
    '@group {buddy} gave {hero} an encouraging grin, and {hero} grinned back; with a friend beside you, even a long road feels shorter.',
    '@solo {hero} paused to listen to {his} own heartbeat, quick and excited, and realised {he_was} actually enjoying this.',
    '{hero} felt #feel_good#, and the feeling grew with every step {they} took.',
  ],
};

export const OBSTACLE_INTRO: Frames = {
  young: [
    'But then {they} came to {obstacle}.',
    'Oh no! There was {obstacle}.',
    'But wait. There was {obstacle}.',
    'Uh-oh. In front of {them} was {obstacle}.',
  ],
  middle: ['But then {they} came to {obstacle}.', 'There was just one problem: {obstacle}.'],
  older: [
    'But then, just as things seemed to be going well, {they} came to {obstacle}.',
    'There was only one problem, and it was {obstacle}.',
  ],
};

export const OFFER_HELPER: Frames = {
  young: ['"I can help," said {the_helper}.', '{The_helper} wanted to help.'],
  middle: ['"I might be able to help," said {the_helper}.'],
  older: ['"I know this place well," {the_helper} offered. "I could help you, if you like."'],
};

export const OFFER_ITEM: Frames = {
  young: ['{hero} still had {the_item}.', 'Could {the_item} help?'],
  middle: ['{hero} still had {the_item}. Could it help?'],
  older: ['{hero} still had {the_item}, and an idea was beginning to form.'],
};

export const OFFER_TRY: Frames = {
  young: ['Maybe {they} could {try_label}.'],
  middle: ['Perhaps {they} could {try_label}.'],
  older: ['Perhaps {they} could {try_label}, although it would not be easy.'],
};

export const OFFER_DETOUR: Frames = {
  young: ['Or {they} could go the long way.', 'Or {they} could go another way.'],
  middle: ['Or {they} could go the long way round, {to_other}.'],
  older: ['Or {they} could leave it behind and take the long way round, {to_other}.'],
};

export const FORK: Frames = {
  young: [
    'There were two ways to go. One way went {to_a}. The other way went {to_b}.',
    '{hero} looked around. {They} could go {to_a}. Or {they} could go {to_b}.',
  ],
  middle: [
    'There were two ways to go from here. One led {to_a}. The other led {to_b}.',
    '{hero} thought hard. {They} could go {to_a}, or {they} could go {to_b}.',
  ],
  older: [
    'From here, two ways led on: one {to_a}, the other {to_b}.',
    '{hero} considered the choices. {They} could head {to_a}, or {they} could go {to_b} instead.',
  ],
};

export const QUESTION: Frames = {
  young: ['What should {they} do?', 'Which way should {they} go?', 'What would you do?', '{hero} had to choose.'],
  middle: ['What should {they} do?', 'Which would {they} choose?'],
  older: ['What should {they} do?', 'Which would {they} choose?', '{hero} had to decide, and quickly.'],
};

export const CELEBRATE: Frames = {
  young: ['@group {team} cheered. Hooray!', '{hero} felt #happy#.', '@solo {hero} did a happy dance.'],
  middle: ['@group {team} cheered and danced in a circle.', '{hero} felt #happy#, right down to {his} toes.'],
  older: [
    '@group {team} cheered so loudly that birds flew up from the trees, and nobody minded one bit.',
    '{hero} felt #happy#, the kind of happy that fizzes all the way down to your toes.',
  ],
};

export const MORAL: Frames = {
  young: [
    '{hero} learned something that day. {lesson}',
    'That night, {hero} smiled in bed. {lesson}',
    '{hero} knew it now. {lesson}',
    'On the way home, {hero} said, "I know something." {lesson}',
  ],
  middle: ['That night, {hero} thought about the day. {lesson}', '{hero} had learned something important. {lesson}'],
  older: [
    'Later, as the stars came out, {hero} thought back over the whole adventure and understood something new. {lesson}',
    'When {hero} thought about that day, years later, it was not the adventure {he} remembered most, but the lesson. {lesson}',
  ],
};

export const CLOSING: Frames = {
  young: ['The end.', 'And that was that. The end.', 'What a day! The end.'],
  middle: ['The end.', 'And that was the end of a very good day.'],
  older: ['And that is how it happened.', 'The end.'],
};

export const GOAL_TALK: Frames = same([
  '@group "We have to {goal}," said {hero}. "Let us keep going."',
  '@group "Do not worry," said {hero}. "We will {goal}."',
  '@solo "I am going to {goal}," {hero} said out loud. "I will keep going."',
]);
