/**
 * Shared pieces of the printers: safe readers for untyped JSON objects, the common
 * columns, and upstream's formatters for labels, selectors, containers and lists.
 */
import { formatLabelSelector as formatSelector, labelSelectorAsSelector, type LabelSelector } from '../../apimachinery/labels.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import { translateTimestampSince } from './age.ts';
import type { ApiObject, TableColumn, TableDef } from './types.ts';

export type Json = Record<string, unknown>;

/** `value` when it is a JSON object, else an empty one (Go's nil struct pointer read as zero). */
export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** `value` when it is a JSON object, else undefined (a nil pointer). */
export function objOrUndef(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `value` when it is an array, else an empty one. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is an array of objects; other entries read as empty objects. */
export function objs(value: unknown): Json[] {
  return arr(value).map(obj);
}

/** `value` when it is a string, else "" (Go's zero string). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `value` when it is a string, else undefined (a nil *string). */
export function strOrUndef(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `value` when it is a finite number, else 0 (Go's zero int). */
export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** `value` when it is a finite number, else undefined (a nil *int32). */
export function numOrUndef(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `value === true` (Go's zero bool is false). */
export function bool(value: unknown): boolean {
  return value === true;
}

/** Whether a JSON field is present and not null (a non-nil Go pointer). */
export function has(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The number of keys of a JSON object (len of a Go map). */
export function size(value: unknown): number {
  return Object.keys(obj(value)).length;
}

export const meta = (o: ApiObject): Json => obj(o.metadata);
export const nameOf = (o: ApiObject): string => str(meta(o).name);
export const ageOf = (o: ApiObject, now: number): string => translateTimestampSince(meta(o).creationTimestamp, now);

/** The NAME column every printer starts with. */
export const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name of the object, unique within its namespace (or the cluster, for cluster-scoped kinds).',
  priority: 0,
};

/** The AGE column: time since the object was created. */
export const ageColumn: TableColumn = {
  name: 'Age',
  type: 'string',
  description: 'Time since the object was created (metadata.creationTimestamp).',
  priority: 0,
};

/** A column; priority 1 marks it `-o wide` only. */
export function col(
  name: string,
  type: TableColumn['type'],
  description: string,
  priority = 0,
  format?: string,
): TableColumn {
  return format === undefined ? { name, type, description, priority } : { name, type, format, description, priority };
}

/** Declares a printer: its columns and its cell function, checked to agree in length by the tests. */
export function def(columns: readonly TableColumn[], cells: (o: ApiObject, now: number) => unknown[]): TableDef {
  return { columns, cells };
}

/** Go's byte-wise string order (sort.Strings), which differs from localeCompare. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A label map as `labels.FormatLabels` prints it: sorted `k=v` joined by commas, or "<none>". */
export function formatLabels(value: unknown): string {
  const m = obj(value);
  const keys = Object.keys(m).sort(byteCompare);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${str(m[k])}`).join(',');
}

/** A metav1.LabelSelector read from JSON, or undefined when absent (a nil pointer). */
function toLabelSelector(selector: unknown): LabelSelector | undefined {
  const sel = objOrUndef(selector);
  if (sel === undefined) return undefined;
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) matchLabels[k] = str(v);
  const matchExpressions = objs(sel.matchExpressions).map((e) => ({
    key: str(e.key),
    operator: str(e.operator),
    values: arr(e.values).map(str),
  }));
  return { matchLabels, matchExpressions };
}

/**
 * A metav1.LabelSelector as a selector string (`metav1.LabelSelectorAsSelector` then
 * `String()`): requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`,
 * `!k`. Returns undefined when the selector is invalid, "" when it selects everything
 * or nothing (a missing selector).
 */
export function labelSelectorString(selector: unknown): string | undefined {
  try {
    return labelSelectorAsSelector(toLabelSelector(selector)).toString();
  } catch {
    return undefined;
  }
}

/** `metav1.FormatLabelSelector`: the selector string, "<none>" when empty, "<error>" when invalid. */
export function formatLabelSelector(selector: unknown): string {
  return formatSelector(toLabelSelector(selector));
}

/** Container names and images of a pod spec, each joined by commas (`layoutContainerCells`). */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = objs(obj(podSpec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

/** A list capped at `max` entries with " + N more..." (`listWithMoreString`); "<unset>" when empty. */
export function listWithMore(all: readonly string[], max = 3): string {
  const ret = all.slice(0, max).join(',');
  if (all.length > max) return `${ret} + ${all.length - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** `net.JoinHostPort`: brackets around hosts that contain a colon (IPv6). */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The Go `%d` of an int-or-string (intstr.IntOrString.String()). */
export function intOrString(value: unknown): string {
  if (typeof value === 'number') return String(Math.trunc(value));
  return str(value);
}

/**
 * A resource.Quantity as printed (`Quantity.String()`, the canonical form: "1000m" is
 * "1", "1024Mi" is "1Gi"); a missing one is the zero "0". Text that does not parse
 * (which validation keeps out of storage) prints as it is.
 */
export function quantity(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : str(value);
  if (text === '') return '0';
  try {
    return Quantity.parse(text).toString();
  } catch {
    return text;
  }
}

/** A *Quantity that may be nil: Go prints a nil pointer's String() as "<nil>". */
export function quantityPtr(value: unknown): string {
  if (!has(value)) return '<nil>';
  return quantity(value);
}

/** "True"/"False", or "<unset>" for a nil *bool (`printBoolPtr`). */
export function boolPtr(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

/** The first ownerReference with `controller: true` (`metav1.GetControllerOf`). */
export function controllerOf(o: ApiObject): Json | undefined {
  return objs(meta(o).ownerReferences).find((r) => r.controller === true);
}
