import { z } from 'zod';

export const markDeviceSchema = z.object({
  name: z.string().trim().min(1, 'Give this device a name.').max(40, 'Keep the name to 40 characters.'),
});

export const revokeDeviceSchema = z.object({ deviceId: z.uuid('Choose a device.') });
