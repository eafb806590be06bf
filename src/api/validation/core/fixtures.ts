/**
 * Valid, defaulted core/v1 objects (as the apiserver hands them to validation after
 * decoding and defaulting) and a table runner, for the tests of this package and of the
 * workload validators that embed pod templates.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type FieldError, formatFieldError } from '../../../apimachinery/field.ts';
import { validateCore } from './index.ts';

export type Obj = Record<string, unknown>;

/** A deep copy with `edit` applied. */
export function mutate<T extends Obj>(base: T, edit: (o: T) => void): T {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

/** The messages as kubectl shows them. */
export const messages = (errs: readonly FieldError[]): string[] => errs.map(formatFieldError);

/** Metadata of a stored object (the old side of an update, and the new side's base). */
export function storedMeta(name: string, namespace?: string): Obj {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: '6b3f1c2e-0000-4000-8000-000000000001',
    resourceVersion: '7',
    creationTimestamp: '2025-01-01T00:00:00Z',
  };
}

/** A defaulted container. */
export function container(name = 'app', image = 'nginx:1.27'): Obj {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

/** A defaulted pod spec with one container. */
export function podSpec(): Obj {
  return {
    containers: [container()],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
  };
}

/** A defaulted pod. */
export function pod(name = 'web', namespace = 'default'): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: podSpec() };
}

/** A defaulted pod template with the given labels. */
export function podTemplateSpec(labels: Record<string, string> = { app: 'web' }): Obj {
  return { metadata: { labels }, spec: podSpec() };
}

export interface Case {
  name: string;
  object: Obj;
  old?: Obj;
  /** The full messages, in upstream's order. */
  want: string[];
}

/** Runs each case through validateCore(kind, ...) as its own test. */
export function runCoreCases(kind: string, cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(messages(validateCore(kind, c.object, c.old)), c.want);
    });
  }
}

// Upstream's format messages, as kubectl prints them.
export const dns1123LabelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const dns1123SubdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const qualifiedNameMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
export const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const configKeyMsg =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
