import { describe, expect, it } from 'vitest';
import { NOT_ALLOWED, NOT_FOUND, parseDbError, UNEXPECTED, userMessage } from './user-message';

describe('userMessage', () => {
  it('turns our codes into sentences, with their parameters', () => {
    expect(userMessage({ code: 'TF400', message: 'pin_format', details: '{}' })).toBe('A PIN is 4 to 6 digits.');
    expect(userMessage({ code: 'TF409', message: 'child_name_taken', details: '{"name":"Mia"}' })).toBe(
      'There is already a child called Mia in your family. Please choose another name.',
    );
    expect(userMessage({ code: 'TF400', message: 'daily_minutes_range', details: '{"min":0,"max":600}' })).toBe(
      'Daily reading minutes must be between 0 and 600.',
    );
  });

  it('keeps the sentence when the detail is missing or not JSON', () => {
    expect(userMessage({ code: 'TF409', message: 'request_already_answered', details: null })).toBe(
      'This request has already been answered.',
    );
    expect(userMessage({ code: 'TF409', message: 'request_already_answered', details: 'not json' })).toBe(
      'This request has already been answered.',
    );
    expect(parseDbError({ code: 'TF409', message: 'request_already_answered', details: '[1,2]' })?.params).toEqual({});
  });

  it('never shows database or PostgREST wording', () => {
    expect(userMessage({ code: '42501', message: 'permission denied for table families' })).toBe(NOT_ALLOWED);
    expect(userMessage({ code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object' })).toBe(
      NOT_FOUND,
    );
    expect(userMessage({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(UNEXPECTED);
    // A message that looks like a sentence is not trusted because of its shape.
    expect(userMessage({ code: 'P0001', message: 'Your account is closed.' })).toBe(UNEXPECTED);
    // A TF code whose name we do not know is not shown either.
    expect(userMessage({ code: 'TF400', message: 'something_new' })).toBe(UNEXPECTED);
    expect(userMessage(null, 'Fallback.')).toBe('Fallback.');
  });
});
