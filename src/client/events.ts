// The event recorder: core/v1 Events about objects, written in the background and
// aggregated like client-go's EventCorrelator. A repeat of the same event bumps the
// stored one's count and lastTimestamp; the 10th different message with the same reason
// on the same object within 10 minutes becomes "(combined from similar events): ...".
import type { Event, ObjectReference } from 'kubernetes-types/core/v1.d.ts';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import type { Clientset } from './clientset.ts';
import type { KubeObject } from './resource-client.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorderOptions {
  /** source.component and reportingComponent, e.g. default-scheduler. */
  readonly component: string;
  readonly host?: string;
  readonly clock?: Clock;
  readonly onError?: (error: unknown) => void;
}

const similarThreshold = 10;
const similarWindowMs = 10 * 60_000;
const maxCacheEntries = 4096;

interface Recorded {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  /** The write in flight, so a repeat patches after the create lands. */
  pending: Promise<unknown>;
}

export class EventRecorder {
  private readonly clientset: Clientset;
  private readonly options: EventRecorderOptions;
  private readonly clock: Clock;
  private readonly recorded = new Map<string, Recorded>();
  private readonly similar = new Map<string, { messages: Set<string>; since: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(clientset: Clientset, options: EventRecorderOptions) {
    this.clientset = clientset;
    this.options = options;
    this.clock = options.clock ?? realClock;
  }

  /** Records an event about `object` (fire and forget; flush() waits for the writes). */
  event(object: KubeObject, type: EventType, reason: string, message: string): void {
    const involved = referenceTo(object);
    const similarKey = [involved.uid ?? '', involved.kind, involved.namespace ?? '', involved.name, type, reason].join('\u0000');
    message = this.aggregate(similarKey, message);
    const key = `${similarKey}\u0000${message}`;
    const now = new Date(this.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    const known = this.recorded.get(key);
    if (known) {
      known.count++;
      const count = known.count;
      known.pending = this.track(
        known.pending.then(() => this.clientset.events.patch(known.namespace, known.name, 'merge', { count, lastTimestamp: now })),
      );
      return;
    }
    const namespace = involved.namespace || 'default';
    const name = `${involved.name}.${(BigInt(this.clock.now()) * 1_000_000n + BigInt(this.recorded.size)).toString(16)}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: this.options.component, ...(this.options.host ? { host: this.options.host } : {}) },
      reportingComponent: this.options.component,
      reportingInstance: this.options.host ?? '',
    };
    if (this.recorded.size >= maxCacheEntries) this.recorded.delete(this.recorded.keys().next().value!);
    this.recorded.set(key, { name, namespace, count: 1, firstTimestamp: now, pending: this.track(this.clientset.events.create(event)) });
  }

  /** Waits for every event written so far. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(write: Promise<unknown>): Promise<unknown> {
    const settled = write.catch((error: unknown) => this.options.onError?.(error));
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
    return settled;
  }

  private aggregate(similarKey: string, message: string): string {
    const now = this.clock.now();
    let entry = this.similar.get(similarKey);
    if (!entry || now - entry.since > similarWindowMs) {
      entry = { messages: new Set(), since: now };
      this.similar.set(similarKey, entry);
      if (this.similar.size > maxCacheEntries) this.similar.delete(this.similar.keys().next().value!);
    }
    entry.messages.add(message);
    return entry.messages.size >= similarThreshold ? `(combined from similar events): ${message}` : message;
  }
}

/** An ObjectReference to a cached object, as events and bindings carry. */
export function referenceTo(object: KubeObject): ObjectReference & { kind: string; name: string } {
  const meta = object.metadata ?? {};
  return {
    kind: object.kind ?? '',
    name: meta.name ?? '',
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    ...(meta.uid ? { uid: meta.uid } : {}),
    ...(object.apiVersion ? { apiVersion: object.apiVersion } : {}),
    ...(meta.resourceVersion ? { resourceVersion: meta.resourceVersion } : {}),
  };
}
