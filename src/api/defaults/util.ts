/**
 * Small helpers for defaulting plain JSON objects the way upstream's defaulters treat
 * Go structs: an absent key and JSON `null` both stand for Go's nil (or a field's zero
 * value), and a value of the wrong JSON type is left alone for decoding to reject.
 */

import { deepCopyJson } from '../../apimachinery/json.ts';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's nil: the key is absent or holds JSON null. */
export const isNil = (v: unknown): boolean => v === undefined || v === null;

/** A Go string field that holds "" (absent, null or the empty string). */
export const isEmptyString = (v: unknown): boolean => v === undefined || v === null || v === '';

/** A Go integer field that holds 0. */
export const isZeroNumber = (v: unknown): boolean => v === undefined || v === null || v === 0;

/** A Go map or slice of length 0 (nil included). */
export function isEmptyCollection(v: unknown): boolean {
  if (isNil(v)) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return false;
}

/** The object stored at `key`, or undefined when it is nil or not an object. */
export function child(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}

/**
 * The object at `key`, created (as Go's zero struct or a new pointer would be) when nil;
 * undefined when the key holds something that is not an object.
 */
export function ensureChild(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  if (isObject(v)) return v;
  if (!isNil(v)) return undefined;
  const created: Obj = {};
  o[key] = created;
  return created;
}

/** The object items of the list at `key` (other items are skipped). */
export function objectItems(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Sets `key` when it holds Go's "" (string fields without a pointer). */
export function defaultString(o: Obj, key: string, value: string): void {
  if (isEmptyString(o[key])) o[key] = value;
}

/** Sets `key` when it holds 0 (integer fields without a pointer). */
export function defaultNumber(o: Obj, key: string, value: number): void {
  if (isZeroNumber(o[key])) o[key] = value;
}

/** Sets `key` when it is nil (pointer fields); objects and arrays are copied. */
export function defaultPointer(o: Obj, key: string, value: unknown): void {
  if (isNil(o[key])) o[key] = clone(value);
}

/** A deep copy of a JSON value. */
export const clone = deepCopyJson;

/** The labels of a pod template (`template.metadata.labels`) when Go would see a non-nil map. */
export function templateLabels(spec: Obj | undefined): Obj | undefined {
  const template = spec && child(spec, 'template');
  const metadata = template && child(template, 'metadata');
  return metadata && child(metadata, 'labels');
}

/** `metadata.labels = labels` when the object has no labels (upstream's "labels from the template"). */
export function labelsFromTemplate(o: Obj, labels: Obj): void {
  const metadata = ensureChild(o, 'metadata');
  if (metadata && isEmptyCollection(metadata.labels)) metadata.labels = clone(labels);
}
