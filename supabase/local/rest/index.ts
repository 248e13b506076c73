import type { ApiHandler, StackContext } from '../http';
import { RestService } from './handler';

/**
 * The PostgREST-compatible `/rest/v1` service.
 *
 * `createRestHandler(ctx)` returns a callable ApiHandler (the gateway calls it with the path below
 * `/rest/v1`) that also carries:
 *  - `close()`: stops LISTENing for `NOTIFY pgrst` and releases that admin connection (pools stay open;
 *    they belong to the stack);
 *  - `reloadSchema()`: reloads the schema cache now (what `NOTIFY pgrst, 'reload schema'` does).
 * The handler never throws for client errors; it answers PostgREST's status codes and error bodies.
 */
export type RestHandler = ApiHandler & { close(): Promise<void>; reloadSchema(): Promise<void> };

export function createRestHandler(ctx: StackContext): RestHandler {
  const service = new RestService(ctx);
  const handler = ((req) => service.handle(req)) as RestHandler;
  handler.close = () => service.cache.close();
  handler.reloadSchema = async () => {
    await service.cache.reload();
  };
  return handler;
}
