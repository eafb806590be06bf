// The event recorder: core/v1 Events about objects, written in the background and
// filtered and aggregated like client-go's EventCorrelator. A repeat of the same event
// bumps the stored one's count and lastTimestamp; from the 10th different message with
// the same reason on the same object within 10 minutes, they are one event, "(combined
// from similar events): <latest message>", whose count grows. As upstream's spam filter,
// each object gets a burst of 25 events from a source, then one per 5 minutes; the rest
// are dropped (a ReplicaSet creating 10,000 pods writes 25 events, not 10,000).
import type { Event, ObjectReference } from 'kubernetes-types/core/v1.d.ts';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import type { Clientset } from './clientset.ts';
import type { KubeObject } from './resource-client.ts';
import { rfc3339 } from '../apimachinery/time.ts';

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
const spamBurst = 25;
const spamRefillMs = 5 * 60_000;

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
  private readonly spam = new Map<string, { tokens: number; at: number }>();

  constructor(clientset: Clientset, options: EventRecorderOptions) {
    this.clientset = clientset;
    this.options = options;
    this.clock = options.clock ?? realClock;
  }

  /** Records an event about `object` (fire and forget; flush() waits for the writes). */
  event(object: KubeObject, type: EventType, reason: string, message: string): void {
    const involved = referenceTo(object);
    if (!this.allowed(involved)) return;
    const similarKey = `${involved.uid ?? ''}\u0000${involved.kind}\u0000${involved.namespace ?? ''}\u0000${involved.name}\u0000${type}\u0000${reason}`;
    const combined = this.aggregate(similarKey, message);
    // Combined events are one event per similar key, its message the latest one.
    if (combined) message = `(combined from similar events): ${message}`;
    const key = combined ? similarKey : `${similarKey}\u0000${message}`;
    const now = rfc3339(this.clock.now());
    const known = this.recorded.get(key);
    if (known) {
      known.count++;
      const count = known.count;
      const patch = combined ? { count, lastTimestamp: now, message } : { count, lastTimestamp: now };
      known.pending = this.track(known.pending.then(() => this.clientset.events.patch(known.namespace, known.name, 'merge', patch, { discardResult: true })));
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
    this.recorded.set(key, { name, namespace, count: 1, firstTimestamp: now, pending: this.track(this.clientset.events.create(event, { discardResult: true })) });
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

  /** Whether the object has a token left (client-go's EventSourceObjectSpamFilter). */
  private allowed(involved: ObjectReference): boolean {
    const key = `${involved.kind}\u0000${involved.namespace ?? ''}\u0000${involved.name}\u0000${involved.uid ?? ''}\u0000${involved.apiVersion ?? ''}`;
    const now = this.clock.now();
    let bucket = this.spam.get(key);
    if (!bucket) {
      bucket = { tokens: spamBurst, at: now };
      this.spam.set(key, bucket);
      if (this.spam.size > maxCacheEntries) this.spam.delete(this.spam.keys().next().value!);
    }
    const refilled = Math.floor((now - bucket.at) / spamRefillMs);
    if (refilled > 0) {
      bucket.tokens = Math.min(spamBurst, bucket.tokens + refilled);
      bucket.at += refilled * spamRefillMs;
    }
    if (bucket.tokens === 0) return false;
    bucket.tokens--;
    return true;
  }

  /** Whether this message makes (or continues) a combined event for its similar key. */
  private aggregate(similarKey: string, message: string): boolean {
    const now = this.clock.now();
    let entry = this.similar.get(similarKey);
    if (!entry || now - entry.since > similarWindowMs) {
      entry = { messages: new Set(), since: now };
      this.similar.set(similarKey, entry);
      if (this.similar.size > maxCacheEntries) this.similar.delete(this.similar.keys().next().value!);
    }
    entry.messages.add(message);
    return entry.messages.size >= similarThreshold;
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
