/**
 * storage.k8s.io/v1 StorageClass validation as kube-apiserver 1.33 runs it
 * (pkg/apis/storage/validation and the StorageClass strategy).
 */
import { type FieldError, FieldPath, duplicate, forbidden, invalid, notSupported, required, tooLong } from '../../apimachinery/field.ts';
import { byteLength } from '../../apimachinery/go-format.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateLabelName } from '../../apimachinery/validation.ts';
import { type JSONObject, arr, coreObjectMeta, coreObjectMetaUpdate, isSet, obj, objOrEmpty, optStr, str, validateQualifiedName } from './util.ts';

const maxProvisionerParameterSize = 256 * (1 << 10);
const maxProvisionerParameterLen = 512;

type ExprMap = Map<string, Set<string>>;

function sameExprMaps(a: ExprMap, b: ExprMap): boolean {
  if (a.size !== b.size) return false;
  for (const [k, va] of a) {
    const vb = b.get(k);
    if (!vb || vb.size !== va.size || [...va].some((v) => !vb.has(v))) return false;
  }
  return true;
}

/** Core's ValidateTopologySelectorTerm: the term's key → values map, and its errors. */
function validateTopologySelectorTerm(term: JSONObject, path: FieldPath): { exprMap: ExprMap; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const exprMap: ExprMap = new Map();
  const exprPath = path.child('matchLabelExpressions');
  arr(term.matchLabelExpressions).forEach((r, i) => {
    const req = objOrEmpty(r);
    const idx = exprPath.index(i);
    const valuesPath = idx.child('values');
    const values = arr(req.values).map(str);
    if (values.length === 0) errs.push(required(valuesPath, ''));
    const set = new Set<string>();
    values.forEach((v, j) => {
      if (set.has(v)) errs.push(duplicate(valuesPath.index(j), v));
      set.add(v);
    });
    const key = str(req.key);
    errs.push(...validateLabelName(key, idx.child('key')));
    if (exprMap.has(key)) errs.push(duplicate(idx.child('key'), key));
    exprMap.set(key, set);
  });
  return { exprMap, errs };
}

function validateAllowedTopologies(topologies: unknown[], path: FieldPath): FieldError[] {
  if (topologies.length === 0) return [];
  const errs: FieldError[] = [];
  // Upstream starts its list of seen terms with one empty entry per term, so an empty term
  // is reported as a duplicate of each of them; this keeps that behaviour.
  const seen: ExprMap[] = topologies.map(() => new Map());
  topologies.forEach((t, i) => {
    const idx = path.index(i);
    const { exprMap, errs: termErrs } = validateTopologySelectorTerm(objOrEmpty(t), idx);
    errs.push(...termErrs);
    for (const s of seen) if (sameExprMaps(exprMap, s)) errs.push(duplicate(idx.child('matchLabelExpressions'), ''));
    seen.push(exprMap);
  });
  return errs;
}

function validateParameters(params: unknown): FieldError[] {
  const path = FieldPath.root('parameters');
  const entries = Object.entries(objOrEmpty(params));
  if (entries.length > maxProvisionerParameterLen) return [tooLong(path, '', maxProvisionerParameterLen)];
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of entries) {
    if (k.length < 1) errs.push(invalid(path, k, 'field can not be empty.'));
    size += byteLength(k) + byteLength(str(v));
  }
  if (size > maxProvisionerParameterSize) errs.push(tooLong(path, '', maxProvisionerParameterSize));
  return errs;
}

function validateStorageClassObject(o: JSONObject): FieldError[] {
  const errs = coreObjectMeta(o, false, nameIsDNSSubdomain);
  const provisioner = str(o.provisioner);
  if (provisioner.length === 0) errs.push(required(FieldPath.root('provisioner'), ''));
  else errs.push(...validateQualifiedName(provisioner.toLowerCase(), FieldPath.root('provisioner')));
  errs.push(...validateParameters(o.parameters));
  const reclaimPolicy = str(o.reclaimPolicy);
  if (reclaimPolicy.length > 0 && reclaimPolicy !== 'Delete' && reclaimPolicy !== 'Retain') {
    errs.push(notSupported(FieldPath.root('reclaimPolicy'), reclaimPolicy, ['Delete', 'Retain']));
  }
  const mode = optStr(o.volumeBindingMode);
  if (mode === undefined) errs.push(required(FieldPath.root('volumeBindingMode'), ''));
  else if (mode !== 'Immediate' && mode !== 'WaitForFirstConsumer') errs.push(notSupported(FieldPath.root('volumeBindingMode'), mode, ['Immediate', 'WaitForFirstConsumer']));
  errs.push(...validateAllowedTopologies(arr(o.allowedTopologies), FieldPath.root('allowedTopologies')));
  return errs;
}

/** reflect.DeepEqual of two map[string]string fields: a missing map differs from an empty one. */
function sameParameters(a: unknown, b: unknown): boolean {
  const ma = obj(a);
  const mb = obj(b);
  if (!ma || !mb) return !ma && !mb;
  const ka = Object.keys(ma);
  return ka.length === Object.keys(mb).length && ka.every((k) => Object.hasOwn(mb, k) && str(ma[k]) === str(mb[k]));
}

/** A StorageClass (cluster-scoped); provisioner, parameters, reclaimPolicy and volumeBindingMode are immutable. */
export function validateStorageClass(o: JSONObject, old?: JSONObject): FieldError[] {
  const errs = validateStorageClassObject(o);
  if (!old) return errs;
  errs.push(...coreObjectMetaUpdate(o, old));
  if (!sameParameters(o.parameters, old.parameters)) errs.push(forbidden(FieldPath.root('parameters'), 'updates to parameters are forbidden.'));
  if (str(o.provisioner) !== str(old.provisioner)) errs.push(forbidden(FieldPath.root('provisioner'), 'updates to provisioner are forbidden.'));
  if (str(o.reclaimPolicy) !== str(old.reclaimPolicy)) errs.push(forbidden(FieldPath.root('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
  const mode = isSet(o.volumeBindingMode) ? str(o.volumeBindingMode) : null;
  const oldMode = isSet(old.volumeBindingMode) ? str(old.volumeBindingMode) : null;
  errs.push(...validateImmutableField(mode, oldMode, FieldPath.root('volumeBindingMode')));
  return errs;
}
