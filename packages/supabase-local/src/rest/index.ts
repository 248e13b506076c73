import { json, type Service, type StackContext } from '../http';
import { RestService } from './handler';

/**
 * The PostgREST-compatible `/rest/v1` service. It never throws for client errors; it answers
 * PostgREST's status codes and error bodies. `reloadSchema()` reloads the schema cache now (what
 * `NOTIFY pgrst, 'reload schema'` does); `close()` stops LISTENing and releases that connection.
 */
export interface RestApi extends Service {
  reloadSchema(): Promise<void>;
  readonly service: RestService;
}

export function createRestService(ctx: StackContext): RestApi {
  const service = new RestService(ctx);
  return {
    name: 'rest',
    prefix: '/rest/v1',
    service,
    handle: (req) => service.handle(req),
    errorResponse: (status, message) =>
      json(status, { code: `PGRST${status === 413 ? '413' : '000'}`, message, details: null, hint: null }),
    reloadSchema: async () => {
      await service.cache.reload();
    },
    close: () => service.cache.close(),
  };
}
