import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { toErrorResponse } from './errors';
import { FileStore } from './files';
import { route } from './routes';

/**
 * Storage (`/storage/v1`) as storage-js 2.119 drives hosted Storage: metadata in storage.buckets /
 * storage.objects read and written as the requesting role so RLS decides, bytes on disk under
 * `<dataDir>/storage`.
 */
export function createStorageHandler(ctx: StackContext): { handle(req: ApiRequest): Promise<ApiResponse> } {
  const store = new FileStore(ctx.config.dataDir);
  return {
    async handle(req: ApiRequest): Promise<ApiResponse> {
      try {
        return await route(ctx, store, req);
      } catch (error) {
        return toErrorResponse(error);
      }
    },
  };
}
