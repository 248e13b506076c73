import { describe, expect, it } from 'vitest';
import { LIBRARY_CHARACTERS } from './assets/characters';
import { characterNameSchema, characterSchema } from './request.schema';

describe('characterNameSchema', () => {
  it.each(['Zoë', "O'Neil", 'Anne-Marie', 'Mei Ling', 'Åsa', 'Юля'])('accepts %j', (name) => {
    expect(characterNameSchema.parse(name)).toBe(name);
  });

  it.each([
    ['', 'Please give the character a name.'],
    ['A'.repeat(25), 'A name can be at most 24 characters.'],
    ['<b>Pip</b>', 'A name can only use letters, spaces, hyphens and apostrophes.'],
    ['Pip "the" fox', 'A name can only use letters, spaces, hyphens and apostrophes.'],
    ['Pip{hero}', 'A name can only use letters, spaces, hyphens and apostrophes.'],
    ['-Pip', 'A name can only use letters, spaces, hyphens and apostrophes.'],
    ['Killer', "That name isn't allowed. Please choose another."],
  ])('refuses %j', (name, message) => {
    const result = characterNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });
});

describe('characterSchema', () => {
  const pip = LIBRARY_CHARACTERS[0];

  it('refuses a look the illustrator cannot draw safely', () => {
    expect(characterSchema.safeParse({ ...pip, look: { ...pip.look, accent: 'url(javascript:x)' } }).success).toBe(
      false,
    );
    expect(characterSchema.safeParse({ ...pip, look: { ...pip.look, shape: 'blob' } }).success).toBe(false);
    expect(characterSchema.safeParse({ ...pip, traits: [] }).success).toBe(false);
    expect(characterSchema.safeParse({ ...pip, traits: ['brave', 'evil'] }).success).toBe(false);
    expect(characterSchema.safeParse({ ...pip, kind: 'Fox<script>' }).success).toBe(false);
  });
});
