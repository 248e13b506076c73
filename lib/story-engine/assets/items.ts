import type { Item } from './asset-types';

const item = (id: string, a: string, the: string): Item => ({ id, a, the });

export const ITEMS: readonly Item[] = [
  item('rope', 'a long rope', 'the rope'),
  item('lantern', 'a little lantern', 'the lantern'),
  item('map', 'an old folded map', 'the map'),
  item('key', 'a small golden key', 'the key'),
  item('compass', 'a shiny compass', 'the compass'),
  item('magnifier', 'a magnifying glass', 'the magnifying glass'),
  item('whistle', 'a silver whistle', 'the whistle'),
  item('bell', 'a tiny brass bell', 'the bell'),
  item('blanket', 'a warm patchwork blanket', 'the blanket'),
  item('shovel', 'a small red shovel', 'the shovel'),
  item('kite', 'a bright yellow kite', 'the kite'),
  item('balloon', 'a big blue balloon', 'the balloon'),
  item('honey', 'a jar of golden honey', 'the honey'),
  item('net', 'a fishing net', 'the net'),
  item('shell', 'a humming seashell', 'the shell'),
  item('bucket', 'a sandy bucket', 'the bucket'),
  item('feather', 'a long white feather', 'the feather'),
  item('glow-stone', 'a glowing blue stone', 'the glow stone'),
];

export const ITEMS_BY_ID: ReadonlyMap<string, Item> = new Map(ITEMS.map((i) => [i.id, i]));
