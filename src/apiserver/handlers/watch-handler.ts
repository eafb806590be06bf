// Watch streams: chunked JSON lines `{"type":"ADDED","object":{...}}`, as Tables when
// kubectl asks, with bookmarks, timeouts and the 410 Expired error event.
import type { ResourceDef } from '../../api/resources.ts';
import { buildTable, tableFor } from '../../api/tables/index.ts';
import { tableContentType, wantsTable, type Request, type Response } from '../http.ts';
import type { GenericRegistry, ObjectFilter } from '../registry/generic-registry.ts';
import { ApiError, toApiError } from '../status.ts';
import type { ApiObject } from '../watch-cache.ts';
import type { HandlerContext } from './resource-handler.ts';

export interface WatchRequest {
  readonly namespace: string;
  readonly filter: ObjectFilter;
  readonly query: URLSearchParams;
  readonly req: Request;
  readonly res: Response;
  readonly view: (object: ApiObject) => ApiObject;
  readonly def: ResourceDef;
  readonly apiVersion: string;
}

/** Watches end after a random time between 30 and 60 minutes unless the client asks otherwise, as upstream. */
const defaultTimeoutSeconds = () => 1800 + Math.floor(Math.random() * 1800);

export async function serveWatch(ctx: HandlerContext, registry: GenericRegistry, request: WatchRequest): Promise<void> {
  const { req, res, query, def } = request;
  const asTable = wantsTable(req);
  const table = asTable ? tableFor(def.group, def.plural) : undefined;
  const apiVersion = request.apiVersion;
  let ended = false;
  let stop: (() => void) | undefined;
  let firstTable = true;
  const timers: NodeJS.Timeout[] = [];

  const write = (type: string, object: unknown) => {
    if (ended) return;
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    stop?.();
    for (const timer of timers) clearTimeout(timer);
    res.end();
  };
  const encode = (object: ApiObject): unknown => {
    const shown = request.view(object);
    if (!table) return shown;
    const rows = buildTable(table, [shown], { now: ctx.clock.now(), includeObject: 'Metadata', resourceVersion: String(shown.metadata.resourceVersion ?? '') });
    // Column definitions go with the first event only; kubectl prints the header once.
    if (!firstTable) (rows as { columnDefinitions?: unknown[] }).columnDefinitions = [];
    firstTable = false;
    return rows;
  };

  res.writeHead(200, { 'content-type': asTable ? tableContentType : 'application/json', 'cache-control': 'no-cache, private' });
  // Send headers now: clients wait for them before they read events.
  res.flushHeaders?.();
  req.on('close', end);
  void ctx.stopping.then(end);

  try {
    stop = await registry.watch(request.namespace, query.get('resourceVersion') ?? undefined, request.filter, {
      send: (type, object) => write(type, encode(object)),
      close: (error) => {
        if (error) write('ERROR', toApiError(error).toStatus());
        end();
      },
    });
  } catch (error) {
    const apiError = error instanceof ApiError ? error : toApiError(error);
    write('ERROR', apiError.toStatus());
    end();
    return;
  }
  if (ended) {
    stop();
    return;
  }
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 0) || defaultTimeoutSeconds();
  timers.push(setTimeout(end, timeoutSeconds * 1000));
  if (query.get('allowWatchBookmarks') === 'true') {
    const bookmark = () => {
      write('BOOKMARK', { kind: def.kind, apiVersion, metadata: { resourceVersion: registry.cacheRevision() } });
      timers.push(setTimeout(bookmark, ctx.bookmarkIntervalMs));
    };
    timers.push(setTimeout(bookmark, ctx.bookmarkIntervalMs));
  }
}
