/**
 * ConfigMaps, Secrets, ServiceAccounts and Namespaces as upstream's
 * pkg/apis/core/validation (Kubernetes 1.33) checks them, on the v1 JSON form.
 */
import { type FieldError, FieldPath, forbidden, invalid, required, tooLong } from '../../../apimachinery/field.ts';
import { byteLength } from '../../../apimachinery/go-format.ts';
import {
  isConfigMapKey,
  nameIsDNSSubdomain,
  validateFinalizerName,
  validateImmutableField,
  validateNamespaceName,
  validateServiceAccountName,
} from '../../../apimachinery/validation.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './pod.ts';
import { goJSONError } from './jsonerr.ts';
import { type Obj, isObj, obj, sortedKeys, str, strList, strMap, validateKubeFinalizerName } from './util.ts';

/** core.MaxSecretSize: 1 MiB, the limit on a Secret's or ConfigMap's data. */
export const maxSecretSize = 1024 * 1024;

const decodeBase64 = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : '', 'base64');

const immutableMsg = 'field is immutable when `immutable` is set';

/** Go's reflect.DeepEqual of two maps decoded from JSON (nil and empty differ). */
function mapsDeepEqual(a: unknown, b: unknown): boolean {
  if (!isObj(a) || !isObj(b)) return !isObj(a) && !isObj(b);
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

// ---------------------------------------------------------------------------------------
// ConfigMap

/** Upstream's ValidateConfigMap. */
export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(cm, true, nameIsDNSSubdomain);
  const data = obj(cm.data);
  const binaryData = obj(cm.binaryData);
  let total = 0;
  for (const key of sortedKeys(data)) {
    const p = FieldPath.root('data').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(p, key, m));
    if (binaryData && Object.hasOwn(binaryData, key)) errs.push(invalid(p, key, 'duplicate of key present in binaryData'));
    total += byteLength(str(data![key]));
  }
  for (const key of sortedKeys(binaryData)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(FieldPath.root('binaryData').key(key), key, m));
    total += decodeBase64(binaryData![key]).length;
  }
  if (total > maxSecretSize) errs.push(tooLong(FieldPath.root(''), '', maxSecretSize));
  return errs;
}

/** Upstream's ValidateConfigMapUpdate. */
export function validateConfigMapUpdate(cm: Obj, old: Obj): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(cm, old);
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), immutableMsg));
    if (!mapsDeepEqual(cm.data, old.data)) errs.push(forbidden(FieldPath.root('data'), immutableMsg));
    if (!mapsDeepEqual(cm.binaryData, old.binaryData)) errs.push(forbidden(FieldPath.root('binaryData'), immutableMsg));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Secret

/** The internal Secret's data: v1 `data` (base64) overlaid with `stringData`, as conversion does. */
export function secretData(secret: Obj): Map<string, Buffer> | undefined {
  const data = obj(secret.data);
  const stringData = strMap(secret.stringData);
  if (!data && (!stringData || Object.keys(stringData).length === 0)) return undefined;
  const out = new Map<string, Buffer>();
  for (const k of sortedKeys(data)) out.set(k, decodeBase64(data![k]));
  for (const [k, v] of Object.entries(stringData ?? {})) out.set(k, Buffer.from(v, 'utf8'));
  return out;
}

/** Upstream's ValidateSecret. */
export function validateSecret(secret: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(secret, true, nameIsDNSSubdomain);
  const dataPath = FieldPath.root('data');
  const data = secretData(secret) ?? new Map<string, Buffer>();
  let total = 0;
  for (const key of [...data.keys()].sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    total += data.get(key)!.length;
  }
  if (total > maxSecretSize) errs.push(tooLong(dataPath, '', maxSecretSize));
  const annotations = strMap(obj(secret.metadata)?.annotations) ?? {};
  const jsonKey = (key: string) => {
    const value = data.get(key);
    if (!value) {
      errs.push(required(dataPath.key(key), ''));
      return;
    }
    const err = goJSONError(value.toString('utf8'), 'map[string]interface {}');
    if (err) errs.push(invalid(dataPath.key(key), '<secret contents redacted>', err));
  };
  switch (str(secret.type)) {
    case 'kubernetes.io/service-account-token':
      if ((annotations['kubernetes.io/service-account.name'] ?? '').length === 0) {
        errs.push(required(FieldPath.root('metadata', 'annotations').key('kubernetes.io/service-account.name'), ''));
      }
      break;
    case 'kubernetes.io/dockercfg':
      jsonKey('.dockercfg');
      break;
    case 'kubernetes.io/dockerconfigjson':
      jsonKey('.dockerconfigjson');
      break;
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) {
        errs.push(required(dataPath.key('username'), ''));
        errs.push(required(dataPath.key('password'), ''));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey')?.length ?? 0) === 0) errs.push(required(dataPath.key('ssh-privatekey'), ''));
      break;
    case 'kubernetes.io/tls':
      if (!data.has('tls.crt')) errs.push(required(dataPath.key('tls.crt'), ''));
      if (!data.has('tls.key')) errs.push(required(dataPath.key('tls.key'), ''));
      break;
  }
  return errs;
}

function buffersEqual(a: Map<string, Buffer> | undefined, b: Map<string, Buffer> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || !v.equals(w)) return false;
  }
  return true;
}

/** Upstream's ValidateSecretUpdate: the type never changes, immutable secrets keep their data. */
export function validateSecretUpdate(secret: Obj, old: Obj): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(secret, old);
  errs.push(...validateImmutableField(str(secret.type), str(old.type), FieldPath.root('type')));
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), immutableMsg));
    if (!buffersEqual(secretData(secret), secretData(old))) errs.push(forbidden(FieldPath.root('data'), immutableMsg));
  }
  errs.push(...validateSecret(secret));
  return errs;
}

// ---------------------------------------------------------------------------------------
// ServiceAccount and Namespace

/** Upstream's ValidateServiceAccount. */
export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateCoreObjectMeta(sa, true, validateServiceAccountName);
}

/** Upstream's ValidateServiceAccountUpdate. */
export function validateServiceAccountUpdate(sa: Obj, old: Obj): FieldError[] {
  return [...validateCoreObjectMetaUpdate(sa, old), ...validateServiceAccount(sa)];
}

/** Upstream's ValidateNamespace: a label-like name, and spec.finalizers qualified names. */
export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(ns, false, validateNamespaceName);
  const p = FieldPath.root('spec', 'finalizers');
  for (const f of strList(obj(ns.spec)?.finalizers)) {
    errs.push(...validateFinalizerName(f, p));
    errs.push(...validateKubeFinalizerName(f, p));
  }
  return errs;
}

/** The namespace strategy's update: ValidateNamespace plus ValidateNamespaceUpdate. */
export function validateNamespaceUpdate(ns: Obj, old: Obj): FieldError[] {
  return [...validateNamespace(ns), ...validateCoreObjectMetaUpdate(ns, old)];
}
