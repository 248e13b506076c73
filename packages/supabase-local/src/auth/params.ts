import { badRequest } from './errors';
import { isPlainObject } from './validate';

type Kind = 'string' | 'bool' | 'object';

const GO_TYPES: Record<Kind, string> = { string: 'string', bool: 'bool', object: 'map[string]interface {}' };

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/**
 * Reads request fields the way GoTrue's `retrieveRequestParams` decodes them into a Go struct:
 * absent or null fields take the zero value, unknown fields are ignored, and a field of the wrong
 * JSON type fails the whole request with encoding/json's message (400 bad_json), thrown so that the
 * handler's transaction rolls back and the router renders it.
 */
export class Params {
  constructor(
    private readonly body: Record<string, unknown>,
    /** The Go struct's name, which encoding/json puts in its message (e.g. `OtpParams`). */
    private readonly struct: string,
  ) {}

  private read(key: string, kind: Kind): unknown {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    const ok = kind === 'object' ? isPlainObject(value) : jsonKind(value) === kind;
    if (!ok) {
      throw badRequest(
        'bad_json',
        `Could not parse request body as JSON: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${this.struct}.${key} of type ${GO_TYPES[kind]}`,
      );
    }
    return value;
  }

  string(key: string): string {
    return (this.read(key, 'string') as string | undefined) ?? '';
  }

  bool(key: string, fallback = false): boolean {
    return (this.read(key, 'bool') as boolean | undefined) ?? fallback;
  }

  object(key: string): Record<string, unknown> | undefined {
    return this.read(key, 'object') as Record<string, unknown> | undefined;
  }
}
