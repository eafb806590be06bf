import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from 'kubernetes-types/core/v1.d.ts';
import type { Clientset } from './clientset.ts';
import { EventRecorder } from './events.ts';

function recorder(now: { ms: number }) {
  const writes: Array<{ verb: 'create' | 'patch'; name: string; message?: string; count?: number }> = [];
  const clientset = {
    events: {
      create: async (event: Event) => void writes.push({ verb: 'create', name: event.metadata!.name!, message: event.message!, count: event.count! }),
      patch: async (_namespace: string, name: string, _type: string, patch: { count: number; message?: string }) =>
        void writes.push({ verb: 'patch', name, count: patch.count, ...(patch.message ? { message: patch.message } : {}) }),
    },
  } as unknown as Clientset;
  const clock = { now: () => now.ms, setTimer: () => () => {} } as never;
  return { writes, events: new EventRecorder(clientset, { component: 'test', clock }) };
}

const replicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'default', uid: 'u1' } };

test('similar events combine into one whose count grows', async () => {
  const { writes, events } = recorder({ ms: 1_000_000 });
  for (let i = 0; i < 14; i++) events.event(replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: p${i}`);
  await events.flush();
  assert.equal(writes.filter((w) => w.verb === 'create').length, 10);
  const combined = writes.slice(9);
  assert.equal(combined[0]!.message, '(combined from similar events): Created pod: p9');
  assert.deepEqual(
    combined.slice(1).map((w) => [w.verb, w.name, w.count, w.message]),
    [10, 11, 12, 13].map((i) => ['patch', combined[0]!.name, i - 8, `(combined from similar events): Created pod: p${i}`]),
  );
});

test('an object gets 25 events at once, then one per 5 minutes', async () => {
  const now = { ms: 1_000_000 };
  const { writes, events } = recorder(now);
  for (let i = 0; i < 40; i++) events.event(replicaSet, 'Normal', 'Same', 'same message');
  await events.flush();
  assert.equal(writes.length, 25);
  assert.equal(writes.at(-1)!.count, 25);
  // Another object has its own bucket.
  events.event({ ...replicaSet, metadata: { ...replicaSet.metadata, name: 'other', uid: 'u2' } }, 'Normal', 'Same', 'same message');
  now.ms += 5 * 60_000;
  events.event(replicaSet, 'Normal', 'Same', 'same message');
  events.event(replicaSet, 'Normal', 'Same', 'same message');
  await events.flush();
  assert.equal(writes.length, 27);
});
