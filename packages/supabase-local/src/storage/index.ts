import { type ApiRequest, type ApiResponse, json, type Service, type StackContext } from '../http';
import { toErrorResponse } from './errors';
import { FileStore } from './files';
import { route } from './routes';

/**
 * Storage (`/storage/v1`) as storage-js 2.119 drives hosted Storage: metadata in storage.buckets /
 * storage.objects read and written as the requesting role so RLS decides, bytes on disk under
 * `<dataDir>/storage`.
 */
export function createStorageService(ctx: StackContext): Service {
  const store = new FileStore(ctx.config.dataDir);
  return {
    name: 'storage',
    prefix: '/storage/v1',
    // Room for the multipart framing storage-js adds around a file of the largest allowed size.
    bodyLimit: ctx.config.storageFileSizeLimit + 64 * 1024,
    // Hosted Storage answers 400 with the real status inside the body.
    errorResponse: (status, message) =>
      status === 413
        ? json(400, {
            statusCode: '413',
            error: 'Payload too large',
            message: 'The object exceeded the maximum allowed size',
          })
        : json(status, { statusCode: String(status), error: 'internal', message }),
    async handle(req: ApiRequest): Promise<ApiResponse> {
      try {
        return await route(ctx, store, req);
      } catch (error) {
        return toErrorResponse(error);
      }
    },
  };
}
