import { describe, expect, it } from 'vitest';
import { deviceSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { markDeviceSchema, revokeDeviceSchema } from './device.schema';

const uuid = '6f1c3c1e-8a57-4f3b-9a55-2f1d8c1b0b7e';

describe('device forms', () => {
  it('a device name is 1 to 40 characters after trimming; hostile text is just text', () => {
    expect(markDeviceSchema.parse({ name: '  Kitchen tablet ' })).toEqual({ name: 'Kitchen tablet' });
    expect(markDeviceSchema.parse({ name: '<script>alert(1)</script>' }).name).toBe('<script>alert(1)</script>');
    for (const name of ['', '   ', 'x'.repeat(41)]) expect(markDeviceSchema.safeParse({ name }).success).toBe(false);
    for (const name of [undefined, null, 42, ['a']]) expect(markDeviceSchema.safeParse({ name }).success).toBe(false);
  });

  it('revoking takes a device id, nothing else', () => {
    expect(revokeDeviceSchema.parse({ deviceId: uuid })).toEqual({ deviceId: uuid });
    for (const deviceId of ['', 'not-a-uuid', `${uuid}'; --`, 7, null]) {
      expect(revokeDeviceSchema.safeParse({ deviceId }).success).toBe(false);
    }
  });

  it('the PIN pad sends a child id and 4 to 6 digits', () => {
    expect(deviceSignInSchema.parse({ childId: uuid, pin: '1234' })).toEqual({ childId: uuid, pin: '1234' });
    expect(deviceSignInSchema.safeParse({ childId: uuid, pin: '123456' }).success).toBe(true);
    for (const pin of ['', '123', '1234567', '12a4', ' 12 34', 1234, null]) {
      expect(deviceSignInSchema.safeParse({ childId: uuid, pin }).success).toBe(false);
    }
    for (const childId of ['', 'Mia', null]) {
      expect(deviceSignInSchema.safeParse({ childId, pin: '1234' }).success).toBe(false);
    }
  });
});
