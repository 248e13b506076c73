import type { Lines, Setting, StoryTemplate } from '../assets/asset-types';
import { HELPERS_BY_ID } from '../assets/helpers';
import { ITEMS_BY_ID } from '../assets/items';
import { OBSTACLES_BY_ID } from '../assets/obstacles';
import { SETTINGS, SETTINGS_BY_ID } from '../assets/settings';
import { createRng, type Rng } from '../prng';
import type { AgeBand, Character, ChoiceMove, Moral, StoryState } from '../types';
import { fitToLength, type Section, shortenSentences } from './fit-page';
import * as F from './frames';
import { type Grammar, line } from './grammar';
import { REGISTER, type Register, TRAIT_LINES, WORDS } from './lexicon';

// Writes one page of a story from the page before it (its state) and the choice that led here (its
// move). A page is built from beats (how the choice played out, the place, who joins, what is found,
// a feeling, the next dilemma); required beats always appear, optional ones are added until the page
// reaches a word count picked inside the band's target, so pages vary in length as well as wording.

export interface StoryFrame {
  band: AgeBand;
  template: StoryTemplate;
  cast: readonly Character[];
  moral: Moral;
  /** Template slot values fixed for the story ({ pet: "Biscuit", … }). */
  vars: Readonly<Record<string, string>>;
  pathLength: number;
}

export interface PageRequest {
  depth: number;
  /** null for the first page. */
  parent: StoryState | null;
  move: ChoiceMove | null;
}

export interface DraftChoice {
  label: string;
  prompt: string;
  move: ChoiceMove;
}

export interface Draft {
  text: string;
  setting: Setting;
  state: StoryState;
  isEnding: boolean;
  choices: DraftChoice[];
}

const PRONOUNS = {
  she: { he: 'she', him: 'her', his: 'her', was: 'was' },
  he: { he: 'he', him: 'him', his: 'his', was: 'was' },
  they: { he: 'they', him: 'them', his: 'their', was: 'were' },
} as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

function setting(id: string): Setting {
  const found = SETTINGS_BY_ID.get(id);
  if (!found) throw new Error(`Unknown setting ${id}`);
  return found;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Values every pattern on this page may use. */
function pageVars(frame: StoryFrame, present: Character[], place: Setting, rng: Rng): Record<string, string> {
  const [hero, ...others] = present;
  const heroP = PRONOUNS[hero.pronoun];
  const group = present.length > 1;
  const buddy = others.length ? rng.pick(others) : hero;
  const buddyP = PRONOUNS[buddy.pronoun];
  const team = present.length > 3 ? `${hero.name} and ${heroP.his} friends` : joinNames(present.map((c) => c.name));
  const [sight, sight2] = rng.shuffle(place.sights);
  const [feel, feel2] = place.feel.length > 1 ? rng.shuffle(place.feel) : [place.feel[0], place.feel[0]];
  const goalVars = { ...frame.vars, hero: hero.name };
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => goalVars[key as keyof typeof goalVars] ?? '');
  return {
    ...frame.vars,
    hero: hero.name,
    hero_kind: hero.kind,
    trait: hero.traits[0] ?? 'kind',
    he: heroP.he,
    him: heroP.him,
    his: heroP.his,
    he_was: `${heroP.he} ${heroP.was}`,
    buddy: buddy.name,
    buddy_kind: buddy.kind,
    buddy_he: buddyP.he,
    team,
    team_was: `${team} ${group ? 'were' : 'was'}`,
    they: group ? 'they' : heroP.he,
    them: group ? 'them' : heroP.him,
    themselves: group ? 'themselves' : { she: 'herself', he: 'himself', they: 'themself' }[hero.pronoun],
    their: group ? 'their' : heroP.his,
    they_were: group ? 'they were' : `${heroP.he} ${heroP.was}`,
    place: place.name,
    at_place: place.at,
    to_place: place.to,
    sight,
    sight2: sight2 ?? sight,
    sound: rng.pick(place.sounds),
    feel,
    feel2: feel2 ?? feel,
    goal: fill(frame.template.goal),
    lesson: frame.moral.lesson,
  };
}

/** Places the next pages can go to: not yet visited on this path, from the template's pools first. */
function destinations(frame: StoryFrame, visited: readonly string[], nextDepth: number, rng: Rng): string[] {
  const { start, middle, final } = frame.template.settings;
  const preferred = nextDepth >= frame.pathLength - 1 ? final : middle;
  const fresh = (ids: readonly string[]) => rng.shuffle(ids.filter((id) => !visited.includes(id)));
  const picks = [
    ...new Set([...fresh(preferred), ...fresh([...middle, ...final, ...start]), ...fresh(SETTINGS.map((s) => s.id))]),
  ];
  return picks.slice(0, 2);
}

export function writePage(frame: StoryFrame, page: PageRequest, draftSeed: number): Draft | null {
  const rng = createRng(draftSeed);
  const register: Register = REGISTER[frame.band];
  const pick = (frames: Record<Register, Lines>) => frames[register];
  const isStart = page.parent === null;
  const isEnding = page.depth >= frame.pathLength - 1;
  const parent = page.parent;
  const place = setting(isStart ? rng.pick(frame.template.settings.start) : (page.move as ChoiceMove).toSettingId);

  // Who is here: the hero and a friend from the start, then one more friend per middle page.
  const castIds = frame.cast.map((c) => c.id);
  // Friends join on middle pages only (an ending has enough to say); whoever could not join in time
  // is there from the first page.
  const middlePages = Math.max(0, frame.pathLength - 2);
  const startCount = Math.min(castIds.length, Math.max(2, castIds.length - middlePages));
  let presentIds = parent ? [...parent.present] : castIds.slice(0, startCount);
  const joiner = parent && !isEnding ? frame.cast.find((c) => !presentIds.includes(c.id)) : undefined;
  if (joiner) presentIds = [...presentIds, joiner.id];
  presentIds = castIds.filter((id) => presentIds.includes(id));
  const present = presentIds.map((id) => frame.cast.find((c) => c.id === id) as Character);
  const group = present.length > 1;

  const vars = pageVars(frame, present, place, rng);
  // How the choice played out is told about those who made it, before a new friend joins.
  const before = joiner ? present.filter((c) => c.id !== joiner.id) : present;
  const varsBefore = joiner ? pageVars(frame, before, place, rng) : vars;
  const grammar: Grammar = { vars, words: WORDS[register], rng };
  const write = (lines: Lines, base: Record<string, string>, extra: Record<string, string>, together: boolean) => {
    const text = line(lines, { ...grammar, vars: { ...base, ...extra } }, together);
    return register === 'young' ? shortenSentences(text) : text;
  };
  const say = (lines: Lines, extra: Record<string, string> = {}) => write(lines, vars, extra, group);
  const sayBefore = (lines: Lines, extra: Record<string, string> = {}) =>
    write(lines, varsBefore, extra, before.length > 1);
  // 4–6 and 7–9 pages are short: signs of the goal and found things appear only when there is room.
  const compact = register !== 'older';

  const items = parent ? [...parent.items] : [];
  const clues = parent?.clues ?? 0;
  let clueSentence: string | null = null;
  // An item found here that the page may leave out (then nobody carries it on).
  let droppableItem: { id: string; sentence: string } | null = null;
  const section = (): Section => ({ required: [], optional: [] });

  // 1. How the choice played out, and arriving here.
  const arrival = section();
  if (isStart) {
    arrival.required.push(say(pick(F.OPENING)));
    for (const [i, friend] of present.slice(1).entries()) {
      const friendVars = { buddy: friend.name, buddy_kind: friend.kind };
      arrival.required.push(say(i === 0 ? pick(F.BUDDY_INTRO) : pick(F.ALSO_THERE), friendVars));
    }
  } else if (parent && page.move) {
    const move = page.move;
    const obstacle = 'obstacleId' in move ? OBSTACLES_BY_ID.get(move.obstacleId) : undefined;
    const obstacleVars: Record<string, string> = obstacle
      ? { obstacle: obstacle.a, the_obstacle: obstacle.the, overcome: obstacle.overcome }
      : {};
    if (move.approach === 'go') {
      arrival.required.push(sayBefore(pick(F.GO)));
    } else if (move.approach === 'helper' && obstacle) {
      const helper = HELPERS_BY_ID.get(move.helperId);
      if (!helper) throw new Error(`Unknown helper ${move.helperId}`);
      const helperVars = { ...obstacleVars, helper: helper.a, the_helper: helper.the };
      arrival.required.push(
        sayBefore(pick(F.ASK_HELPER), helperVars),
        sayBefore(helper.help, helperVars),
        sayBefore(pick(F.ARRIVE)),
      );
    } else if (move.approach === 'item' && obstacle) {
      const item = ITEMS_BY_ID.get(move.itemId);
      const how = obstacle.items[move.itemId];
      if (!item || !how) throw new Error(`Item ${move.itemId} does not help with ${obstacle.id}`);
      const itemVars = { ...obstacleVars, item: item.a, the_item: item.the };
      arrival.required.push(
        sayBefore(pick(F.USE_ITEM), itemVars),
        sayBefore([how], itemVars),
        sayBefore(pick(F.ARRIVE)),
      );
    } else if (move.approach === 'try' && obstacle) {
      arrival.required.push(sayBefore(obstacle.tryDone, obstacleVars), sayBefore(pick(F.ARRIVE)));
    } else if (move.approach === 'detour' && obstacle) {
      arrival.required.push(sayBefore(pick(F.DETOUR), obstacleVars), sayBefore(pick(F.ARRIVE)));
    }
    if (joiner) arrival.required.push(say(pick(F.JOIN), { joiner: joiner.name, joiner_kind: joiner.kind }));
  }
  const describe = rng.shuffle(pick(F.DESCRIBE));
  // The place is described on every middle page; on the first page the premise and on the last
  // page the ending matter more, so there it is only added when the page has room.
  (isStart || isEnding ? arrival.optional : arrival.required).push(say([describe[0]]));
  for (const pattern of describe.slice(1, 3)) arrival.optional.push(say([pattern]));

  // 2. What happens here: the premise, signs of the goal, a helper, something useful.
  const events = section();
  if (isStart) {
    events.required.push(say(premiseOf(frame, register)));
    events.optional.push(say(TRAIT_LINES[present[0].traits[0] ?? 'kind'][register]), say(pick(F.SET_OFF)));
  } else if (isEnding) {
    events.required.push(say(forRegister(frame.template.finale, register)));
  } else {
    const clueLines = forRegister(frame.template.clues, register);
    if (clues === 0 || rng.chance(0.75)) {
      clueSentence = say(clueLines);
      (compact ? events.optional : events.required).push(clueSentence);
    }
  }

  let helperId: string | null = null;
  let obstacleId: string | null = null;
  const choices: DraftChoice[] = [];
  const dilemma = section();

  if (!isEnding) {
    const [toA, toB] = destinations(frame, [...(parent?.visited ?? []), place.id], page.depth + 1, rng);
    const settingA = setting(toA);
    const settingB = setting(toB);
    // The first page already carries the premise, so its way on is more often a simple fork.
    const useObstacle = place.obstacles.length > 0 && rng.chance(isStart ? 0.4 : 0.7);

    const obstacle = useObstacle ? OBSTACLES_BY_ID.get(rng.pick(place.obstacles)) : undefined;
    const helperHere =
      obstacle && place.helpers.length > 0 && rng.chance(0.6) ? HELPERS_BY_ID.get(rng.pick(place.helpers)) : undefined;
    // The youngest readers' pages are short: one new thing per page besides the problem ahead.
    const roomForItem = register !== 'young' || (!isStart && !joiner && !helperHere);

    // Something useful found here, kept for later (or for the very next problem).
    const foundable = place.items.filter((id) => !items.includes(id));
    if (roomForItem && foundable.length && rng.chance(isStart ? 0.6 : 0.5)) {
      const found = ITEMS_BY_ID.get(rng.pick(foundable));
      if (found) {
        const sentence = say(pick(F.FIND_ITEM), { item: found.a });
        items.push(found.id);
        droppableItem = { id: found.id, sentence };
      }
    }

    if (obstacle) {
      obstacleId = obstacle.id;
      const obstacleVars = { obstacle: obstacle.a, the_obstacle: obstacle.the, to_other: settingB.to };
      const usable = items.filter((id) => id in obstacle.items);
      const approach = usable.length && rng.chance(0.6) ? 'item' : helperHere ? 'helper' : 'try';
      const usedItem = approach === 'item' ? rng.pick(usable) : null;
      if (droppableItem && usedItem === droppableItem.id) {
        events.required.push(droppableItem.sentence);
        droppableItem = null;
      }

      if (helperHere && approach === 'helper') {
        helperId = helperHere.id;
        events.required.push(say(pick(F.MEET_HELPER), { helper: helperHere.a }), say(helperHere.greet));
      }
      dilemma.required.push(say(pick(F.OBSTACLE_INTRO), obstacleVars), say(obstacle.block, obstacleVars));
      let crossing: DraftChoice;
      if (approach === 'item' && usedItem) {
        const item = ITEMS_BY_ID.get(usedItem);
        if (!item) throw new Error('Unknown item');
        dilemma.required.push(say(pick(F.OFFER_ITEM), { the_item: item.the }));
        crossing = {
          label: `Use ${item.the}`,
          prompt: `Use ${item.the} to get past ${obstacle.the}, then go on ${settingA.to}.`,
          move: { approach: 'item', toSettingId: toA, itemId: item.id, obstacleId: obstacle.id },
        };
      } else if (approach === 'helper' && helperHere) {
        dilemma.required.push(say(pick(F.OFFER_HELPER), { the_helper: helperHere.the }));
        crossing = {
          label: `Ask ${helperHere.the} for help`,
          prompt: `Ask ${helperHere.the} for help to get past ${obstacle.the}, then go on ${settingA.to}.`,
          move: { approach: 'helper', toSettingId: toA, helperId: helperHere.id, obstacleId: obstacle.id },
        };
      } else {
        dilemma.required.push(say(pick(F.OFFER_TRY), { try_label: lowerFirst(obstacle.tryLabel) }));
        crossing = {
          label: obstacle.tryLabel,
          prompt: `${obstacle.tryLabel} to get past ${obstacle.the}, then go on ${settingA.to}.`,
          move: { approach: 'try', toSettingId: toA, obstacleId: obstacle.id },
        };
      }
      dilemma.required.push(say(pick(F.OFFER_DETOUR), obstacleVars), say(pick(F.QUESTION)));
      choices.push(crossing, {
        label: `Take the long way, ${settingB.to}`,
        prompt: `Leave ${obstacle.the} behind and take the long way round, ${settingB.to}.`,
        move: { approach: 'detour', toSettingId: toB, obstacleId: obstacle.id },
      });
    } else {
      dilemma.required.push(say(pick(F.FORK), { to_a: settingA.to, to_b: settingB.to }), say(pick(F.QUESTION)));
      for (const target of [settingA, settingB]) {
        choices.push({
          label: `Go ${target.to}`,
          prompt: `Go ${target.to}.`,
          move: { approach: 'go', toSettingId: target.id },
        });
      }
    }
  }

  if (droppableItem) (compact ? events.optional : events.required).push(droppableItem.sentence);

  // 3. How it feels, and (on the last page) the happy ending and what was learned.
  const mood = section();
  mood.optional.push(say(pick(F.FEELING)), say(pick(F.GOAL_TALK)));
  if (!isStart) mood.optional.push(say(TRAIT_LINES[rng.pick(present).traits[0] ?? 'kind'][register]));
  const moral = section();
  if (isEnding) {
    // Celebrate, then the moral, then (for the youngest) "The end.": in that order, whatever fits.
    mood.optional.length = 0;
    (register === 'young' ? mood.optional : mood.required).push(say(pick(F.CELEBRATE)));
    moral.required.push(say(pick(F.MORAL)));
    (register === 'young' ? moral.required : moral.optional).push(say(pick(F.CLOSING)));
  }

  const fitted = fitToLength(
    frame.band,
    isEnding ? [arrival, events, mood, moral] : [arrival, events, mood, dilemma],
    rng,
  );
  // Every page names its hero: a reader who opens the story map at any page knows whose story it is.
  if (!fitted || !new RegExp(`\\b${escapeRegExp(present[0].name)}\\b`, 'u').test(fitted.text)) return null;
  const shown = (sentence: string | null) => sentence !== null && fitted.sentences.has(sentence);
  const carried =
    droppableItem && !shown(droppableItem.sentence) ? items.filter((id) => id !== droppableItem?.id) : items;
  return {
    text: fitted.text,
    setting: place,
    isEnding,
    choices,
    state: {
      settingId: place.id,
      present: presentIds,
      items: carried,
      helperId,
      obstacleId,
      visited: [...(parent?.visited ?? []), place.id],
      clues: clues + (shown(clueSentence) ? 1 : 0),
    },
  };
}

/** A template's lines for a register: 7–9 readers get both the simple and the richer lines to pick from. */
function forRegister(lines: { young: Lines; older: Lines }, register: Register): Lines {
  if (register === 'young') return lines.young;
  return register === 'middle' ? [...lines.young, ...lines.older] : lines.older;
}

function premiseOf(frame: StoryFrame, register: Register): Lines {
  return forRegister(frame.template.premise, register);
}
