// Watch streams: chunked JSON lines `{"type":"ADDED","object":{...}}`, as Tables when
// kubectl asks, with bookmarks, timeouts and the 410 Expired error event.
import type { ResourceDef } from '../../api/resources.ts';
import { buildTable, tableFor, type TableDef } from '../../api/tables/index.ts';
import { tableContentType, wantsTable, type Request, type Response } from '../http.ts';
import { jsonBytes } from '../json-bytes.ts';
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

const eventPrefixes = new Map<string, Buffer>();
const eventPrefix = (type: string) => {
  let prefix = eventPrefixes.get(type);
  if (!prefix) {
    prefix = Buffer.from(`{"type":${JSON.stringify(type)},"object":`);
    eventPrefixes.set(type, prefix);
  }
  return prefix;
};
const eventSuffix = Buffer.from('}\n');

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
  // A store commit delivers its events to a watcher in one go: they leave as one write.
  let corked = false;
  /** An event of a cached object: its JSON bytes are shared by every watcher. */
  const writeCached = (type: string, object: ApiObject) => {
    if (ended) return;
    if (res.writeEvent) return res.writeEvent(type, object);
    if (!corked && res.cork && res.uncork) {
      corked = true;
      res.cork();
      queueMicrotask(() => {
        corked = false;
        res.uncork!();
      });
    }
    res.write(eventPrefix(type));
    res.write(jsonBytes(object));
    res.write(eventSuffix);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    stop?.();
    for (const timer of timers) clearTimeout(timer);
    res.end();
  };
  /** An object as kubectl's Table view of one row. */
  const asRows = (shown: ApiObject, table: TableDef): unknown => {
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
      send: (type, object) => (table ? write(type, asRows(request.view(object), table)) : writeCached(type, request.view(object))),
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
