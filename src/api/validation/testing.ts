/**
 * Test helpers for the validators: defaulted fixtures (as the apiserver would hand them
 * over after defaulting) and a table runner comparing full error messages.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type FieldError, formatFieldError } from '../../apimachinery/field.ts';
import type { Validator } from './types.ts';

export type Obj = Record<string, unknown>;

/** A defaulted, valid pod template with the given labels and restart policy. */
export function podTemplate(labels: Record<string, string>, restartPolicy = 'Always'): Obj {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      restartPolicy,
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

/** Metadata of a stored object (for the old side of an update). */
export function storedMeta(name: string, namespace?: string): Obj {
  return { name, ...(namespace ? { namespace } : {}), uid: '6b3f1c2e-0000-4000-8000-000000000001', resourceVersion: '7', generation: 1, creationTimestamp: '2025-01-01T00:00:00Z' };
}

/** A deep copy with `edit` applied. */
export function mutate<T extends Obj>(base: T, edit: (o: T) => void): T {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

/** The messages as kubectl shows them. */
export function messages(errs: readonly FieldError[]): string[] {
  return errs.map(formatFieldError);
}

export interface Case {
  name: string;
  object: Obj;
  old?: Obj;
  /** The full messages, in upstream's order. */
  want: string[];
}

/** Runs each case as its own test. */
export function runCases(validate: Validator, cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(messages(validate(c.object, c.old)), c.want);
    });
  }
}
