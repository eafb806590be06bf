/**
 * events.k8s.io/v1 Event validation as kube-apiserver 1.33 runs it: upstream stores these
 * as core Events and validates them with pkg/apis/core/validation/events.go for the
 * events.k8s.io request version (the strict rules). The object is first mapped to the
 * core Event's fields, so errors use the core field names (`involvedObject`, `message`,
 * `firstTimestamp`...), as upstream's do.
 */
import { type FieldError, FieldPath, invalid, required } from '../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote } from '../../apimachinery/go-format.ts';
import { goTimeString, isDNS1123Subdomain, nameIsDNSSubdomain } from '../../apimachinery/validation.ts';
import { type JSONObject, coreObjectMeta, coreObjectMetaUpdate, isSet, metaOf, num, obj, objOrEmpty, semanticEqual, str, validateQualifiedName } from './util.ts';

const reportingInstanceLengthLimit = 128;
const actionLengthLimit = 128;
const reasonLengthLimit = 128;
const noteLengthLimit = 1024;

/** An events.k8s.io/v1 Event in the core Event's shape (field names as upstream's paths use them). */
export function eventAsCore(o: JSONObject): JSONObject {
  return {
    metadata: o.metadata,
    involvedObject: o.regarding,
    reason: o.reason,
    message: o.note,
    source: o.deprecatedSource,
    firstTimestamp: o.deprecatedFirstTimestamp,
    lastTimestamp: o.deprecatedLastTimestamp,
    count: o.deprecatedCount,
    type: o.type,
    eventTime: o.eventTime,
    series: o.series,
    action: o.action,
    related: o.related,
    reportingController: o.reportingController,
    reportingInstance: o.reportingInstance,
  };
}

const isZeroTime = (v: unknown) => !isSet(v) || v === '' || Date.parse(String(v)) === Date.parse('0001-01-01T00:00:00Z');

function goObjectReference(ref: unknown): GoRepr | null {
  if (!isSet(ref)) return null;
  const r = objOrEmpty(ref);
  const f = (k: string) => goQuote(str(r[k]));
  return new GoRepr(
    `core.ObjectReference{Kind:${f('kind')}, Namespace:${f('namespace')}, Name:${f('name')}, UID:${f('uid')}, APIVersion:${f('apiVersion')}, ResourceVersion:${f('resourceVersion')}, FieldPath:${f('fieldPath')}}`,
  );
}

const goEventSource = (src: unknown) => {
  const s = objOrEmpty(src);
  return new GoRepr(`core.EventSource{Component:${goQuote(str(s.component))}, Host:${goQuote(str(s.host))}}`);
};

const goTime = (v: unknown) => new GoRepr(goTimeString(isZeroTime(v) ? undefined : String(v)));

/** Upstream's legacyValidateEvent for the events.k8s.io request version. */
function legacyValidateEvent(e: JSONObject): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = metaOf(e).namespace ?? '';
  const involvedNamespace = str(objOrEmpty(e.involvedObject).namespace);
  const nsPath = FieldPath.root('involvedObject', 'namespace');
  if (isZeroTime(e.eventTime)) {
    if (involvedNamespace === '') {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid(nsPath, involvedNamespace, 'does not match event.namespace'));
    } else if (namespace !== involvedNamespace) {
      errs.push(invalid(nsPath, involvedNamespace, 'does not match event.namespace'));
    }
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(nsPath, involvedNamespace, 'does not match event.namespace'));
    }
    const controller = str(e.reportingController);
    if (controller === '') errs.push(required(FieldPath.root('reportingController'), ''));
    errs.push(...validateQualifiedName(controller, FieldPath.root('reportingController')));
    const limits: [string, number][] = [
      ['reportingInstance', reportingInstanceLengthLimit],
      ['action', actionLengthLimit],
      ['reason', reasonLengthLimit],
    ];
    for (const [f, limit] of limits) {
      const v = str(e[f]);
      if (v === '') errs.push(required(FieldPath.root(f), ''));
      if (byteLength(v) > limit) errs.push(invalid(FieldPath.root(f), '', `can have at most ${limit} characters`));
    }
    if (byteLength(str(e.message)) > noteLengthLimit) errs.push(invalid(FieldPath.root('message'), '', `can have at most ${noteLengthLimit} characters`));
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(invalid(FieldPath.root('namespace'), namespace, msg));
  return errs;
}

function validateSeries(e: JSONObject): FieldError[] {
  const series = obj(e.series);
  if (!series) return [];
  const errs: FieldError[] = [];
  if (num(series.count) < 2) errs.push(invalid(FieldPath.root('series.count'), '', 'should be at least 2'));
  if (isZeroTime(series.lastObservedTime)) errs.push(required(FieldPath.root('series.lastObservedTime'), ''));
  return errs;
}

function validateEventCreate(e: JSONObject): FieldError[] {
  const errs = [...legacyValidateEvent(e), ...coreObjectMeta(e, true, nameIsDNSSubdomain), ...validateSeries(e)];
  if (isZeroTime(e.eventTime)) errs.push(required(FieldPath.root('eventTime'), ''));
  const type = str(e.type);
  if (type !== 'Normal' && type !== 'Warning') errs.push(invalid(FieldPath.root('type'), '', `has invalid value: ${type}`));
  if (!isZeroTime(e.firstTimestamp)) errs.push(invalid(FieldPath.root('firstTimestamp'), '', 'needs to be unset'));
  if (!isZeroTime(e.lastTimestamp)) errs.push(invalid(FieldPath.root('lastTimestamp'), '', 'needs to be unset'));
  if (num(e.count) !== 0) errs.push(invalid(FieldPath.root('count'), '', 'needs to be unset'));
  const source = objOrEmpty(e.source);
  if (str(source.component) !== '' || str(source.host) !== '') errs.push(invalid(FieldPath.root('source'), '', 'needs to be unset'));
  return errs;
}

/** Microsecond precision, as upstream compares eventTime on update. */
const micros = (v: unknown) => {
  if (isZeroTime(v)) return 'zero';
  const m = /\.(\d+)/.exec(String(v));
  return `${Math.floor(Date.parse(String(v)) / 1000)}.${(m?.[1] ?? '').padEnd(6, '0').slice(0, 6)}`;
};

function validateEventUpdate(e: JSONObject, old: JSONObject): FieldError[] {
  const errs = [...legacyValidateEvent(e), ...coreObjectMetaUpdate(e, old)];
  if (!semanticEqual(e.series, old.series)) errs.push(...validateSeries(e));
  const immutable = (f: string, equal: boolean, repr: unknown) => {
    if (!equal) errs.push(invalid(FieldPath.root(f), repr, 'field is immutable'));
  };
  const sameString = (f: string) => str(e[f]) === str(old[f]);
  const sameTime = (f: string) => (isZeroTime(e[f]) && isZeroTime(old[f])) || Date.parse(String(e[f])) === Date.parse(String(old[f]));
  immutable('involvedObject', semanticEqual(e.involvedObject, old.involvedObject), goObjectReference(objOrEmpty(e.involvedObject)));
  immutable('reason', sameString('reason'), str(e.reason));
  immutable('message', sameString('message'), str(e.message));
  immutable('source', semanticEqual(e.source, old.source), goEventSource(e.source));
  immutable('firstTimestamp', sameTime('firstTimestamp'), goTime(e.firstTimestamp));
  immutable('lastTimestamp', sameTime('lastTimestamp'), goTime(e.lastTimestamp));
  immutable('count', num(e.count) === num(old.count), num(e.count));
  // Upstream checks reason twice.
  immutable('reason', sameString('reason'), str(e.reason));
  immutable('type', sameString('type'), str(e.type));
  if (micros(e.eventTime) !== micros(old.eventTime)) immutable('eventTime', false, goTime(e.eventTime));
  immutable('action', sameString('action'), str(e.action));
  immutable('related', semanticEqual(e.related, old.related) && isSet(e.related) === isSet(old.related), goObjectReference(e.related));
  immutable('reportingController', sameString('reportingController'), str(e.reportingController));
  immutable('reportingInstance', sameString('reportingInstance'), str(e.reportingInstance));
  return errs;
}

/** An events.k8s.io/v1 Event, validated as upstream validates it for that API version. */
export function validateEventsV1Event(o: JSONObject, old?: JSONObject): FieldError[] {
  const e = eventAsCore(o);
  return old ? validateEventUpdate(e, eventAsCore(old)) : validateEventCreate(e);
}
