// What every control loop gets and how it is run (DESIGN.md, rule 4): handlers on shared
// informers only enqueue keys; workers call one sync(key) against the informer caches.
import type { Clock } from '../apimachinery/clock.ts';
import type { Clientset } from '../client/clientset.ts';
import type { EventRecorder } from '../client/events.ts';
import type { InformerFactory } from '../client/informer-factory.ts';
import { runWorkers, type WorkQueue } from '../client/workqueue.ts';

export interface ControllerContext {
  readonly clientset: Clientset;
  readonly informers: InformerFactory;
  readonly clock: Clock;
  /** An event recorder reporting as the given component. */
  recorder(component: string): EventRecorder;
  log(message: string): void;
}

export interface Controller {
  readonly name: string;
  /** Runs until the signal aborts; informers are started and synced before this is called. */
  run(signal: AbortSignal): Promise<void>;
}

/** Resolves when the signal aborts. */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Runs `workers` loops of sync(key) on the queue until the signal aborts, then shuts the
 * queue down and waits for them. A failed sync is logged and the key retried with backoff.
 */
export async function runQueue(ctx: ControllerContext, name: string, queue: WorkQueue, workers: number, sync: (key: string) => Promise<void>, signal: AbortSignal): Promise<void> {
  const running = runWorkers(queue, workers, sync, (key, error) => ctx.log(`${name}: ${key}: ${(error as Error).message}`));
  await aborted(signal);
  queue.shutDown();
  await running;
}
