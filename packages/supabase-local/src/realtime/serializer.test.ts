import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeText, encodeUserBroadcast, FrameError } from './serializer';

describe('Phoenix serializers', () => {
  it('decodes the captured kind-3 frame realtime-js sends for channel.send()', () => {
    const frame = Buffer.concat([Buffer.from([3, 1, 1, 14, 5, 0, 1]), Buffer.from('69realtime:room1my-ev{"a":1}')]);
    const decoded = decodeFrame(frame, true, '2.0.0');
    expect(decoded).toMatchObject({
      joinRef: '6',
      ref: '9',
      topic: 'realtime:room1',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'my-ev', payload: { a: 1 } },
    });
    expect(decoded.broadcast?.encoding).toBe('json');
  });

  it('round-trips text frames for both versions and encodes kind-4 broadcasts', () => {
    const frame = { joinRef: '1', ref: '2', topic: 'realtime:r', event: 'phx_reply', payload: { status: 'ok' } };
    expect(JSON.parse(encodeText('2.0.0', frame))).toEqual(['1', '2', 'realtime:r', 'phx_reply', { status: 'ok' }]);
    // V1 server frames carry no join_ref.
    expect(JSON.parse(encodeText('1.0.0', frame))).toEqual({
      topic: 'realtime:r',
      event: 'phx_reply',
      payload: { status: 'ok' },
      ref: '2',
    });
    const bytes = encodeUserBroadcast('realtime:r', {
      event: 'e',
      json: { x: 1 },
      encoding: 'json',
      meta: { id: 'm' },
    });
    expect([...(bytes ?? Buffer.alloc(0)).subarray(0, 5)]).toEqual([4, 10, 1, 10, 1]);
    expect(bytes?.subarray(5).toString()).toBe('realtime:re{"id":"m"}{"x":1}');
  });

  it('rejects what it cannot read with a FrameError', () => {
    expect(() => decodeFrame(Buffer.from('nope'), false, '2.0.0')).toThrow(FrameError);
    expect(() => decodeFrame(Buffer.from('{"topic":1,"event":"x"}'), false, '1.0.0')).toThrow(FrameError);
    expect(() => decodeFrame(Buffer.from([3, 5, 5]), true, '2.0.0')).toThrow(FrameError);
    expect(() => decodeFrame(Buffer.from([0, 1]), true, '1.0.0')).toThrow(FrameError);
  });
});
