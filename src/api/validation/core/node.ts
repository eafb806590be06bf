/**
 * Nodes and Events as upstream's pkg/apis/core/validation (Kubernetes 1.33) checks them, on
 * the v1 JSON form.
 */
import { type FieldError, FieldPath, duplicate, forbidden, internalError, invalid, required } from '../../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote } from '../../../apimachinery/go-format.ts';
import { isIPv4Mapped, parseCIDRSloppy } from '../../../apimachinery/ip.ts';
import {
  isConfigMapKey,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidCIDRForLegacyField,
  isValidLabelValue,
  nameIsDNSSubdomain,
  validateLabelName,
  validateNamespaceName,
} from '../../../apimachinery/validation.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateTaintEffect } from './pod.ts';
import { goJSONError } from './jsonerr.ts';
import { type Obj, goPtr, obj, objList, resourceEntries, str, strList, strMap, validateName, validateResourceQuantityValue } from './util.ts';

const meta = FieldPath.root('metadata');

function goTaint(t: Obj): GoRepr {
  return new GoRepr(`core.Taint{Key:${goQuote(str(t.key))}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TimeAdded:${goPtr('v1.Time', t.timeAdded)}}`);
}

/** Upstream's validateNodeTaints: keys, values, effects, unique by key and effect. */
export function validateNodeTaints(taints: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = path.index(i);
    const key = str(t.key);
    const effect = str(t.effect);
    errs.push(...validateLabelName(key, p.child('key')));
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length !== 0) errs.push(invalid(p.child('value'), str(t.value), msgs.join(';')));
    errs.push(...validateTaintEffect(effect, false, p.child('effect')));
    if (unique.get(effect)?.has(key)) {
      errs.push({ ...duplicate(p, goTaint(t)), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    if (!unique.has(effect)) unique.set(effect, new Set());
    unique.get(effect)!.add(key);
  });
  return errs;
}

function validateNodeSpecificAnnotations(annotations: Record<string, string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const taintsKey = 'scheduler.alpha.kubernetes.io/taints';
  const taints = annotations[taintsKey] ?? '';
  if (taints !== '') {
    const err = goJSONError(taints, '[]core.Taint');
    if (err) errs.push(invalid(path, taintsKey, err));
    else {
      const parsed = objList(JSON.parse(taints));
      if (parsed.length > 0) errs.push(...validateNodeTaints(parsed, path.child(taintsKey)));
    }
  }
  const avoidKey = 'scheduler.alpha.kubernetes.io/preferAvoidPods';
  const avoid = annotations[avoidKey] ?? '';
  if (avoid !== '') {
    const err = goJSONError(avoid, 'map[string]interface {}');
    if (err) errs.push(invalid(path.child('AvoidPods'), avoidKey, err));
    else {
      objList(obj(JSON.parse(avoid))?.preferAvoidPods).forEach((entry, i) => {
        const p = path.child(avoidKey).index(i);
        const controller = obj(obj(entry.podSignature)?.podController);
        if (!controller) errs.push(required(p.child('PodSignature'), ''));
        else if (controller.controller !== true) errs.push(invalid(p.child('PodSignature').child('PodController').child('Controller'), false, 'must point to a controller'));
      });
    }
  }
  return errs;
}

function validateNodeResources(node: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const status = obj(node.status);
  for (const key of ['capacity', 'allocatable']) {
    for (const [k, q] of resourceEntries(status?.[key])) errs.push(...validateResourceQuantityValue(k, q, FieldPath.root('status', key, k)));
  }
  return errs;
}

/** The internal spec.podCIDRs: v1 podCIDRs, or the singular podCIDR. */
const podCIDRsOf = (spec: Obj): string[] => {
  const cidrs = strList(spec.podCIDRs);
  if (cidrs.length > 0) return cidrs;
  const single = str(spec.podCIDR);
  return single !== '' ? [single] : [];
};

/** Upstream's ValidateNode. */
export function validateNode(node: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(node, false, nameIsDNSSubdomain);
  errs.push(...validateNodeSpecificAnnotations(strMap(obj(node.metadata)?.annotations) ?? {}, meta.child('annotations')));
  const spec = obj(node.spec) ?? {};
  const taints = objList(spec.taints);
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, meta.child('taints')));
  errs.push(...validateNodeResources(node));
  const cidrs = podCIDRsOf(spec);
  if (cidrs.length > 0) {
    const p = FieldPath.root('spec', 'podCIDRs');
    cidrs.forEach((c, i) => errs.push(...isValidCIDRForLegacyField(p.index(i), c, false)));
    if (cidrs.length > 1) {
      const parsed = cidrs.map((c) => parseCIDRSloppy(c));
      const bad = parsed.findIndex((c) => c === undefined);
      let dualStack = false;
      if (bad >= 0) {
        errs.push(
          internalError(p, `invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[${bad}]: <nil> (invalid CIDR address: ${cidrs[bad]})`),
        );
      } else {
        const v6 = parsed.filter((c) => !isIPv4Mapped(c!.ip.bytes)).length;
        dualStack = v6 > 0 && v6 < parsed.length;
      }
      if (!dualStack || cidrs.length > 2) errs.push(invalid(p, cidrs, 'may specify no more than one CIDR for each IP family'));
      const seen = new Set<string>();
      cidrs.forEach((c, i) => {
        if (seen.has(c)) errs.push(duplicate(p.index(i), c));
        seen.add(c);
      });
    }
  }
  return errs;
}

function validateConfigMapNodeConfigSource(source: Obj, path: FieldPath, inStatus: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (inStatus) {
    if (str(source.uid) === '') errs.push(required(path.child('uid'), 'uid must be set in status'));
    if (str(source.resourceVersion) === '') errs.push(required(path.child('resourceVersion'), 'resourceVersion must be set in status'));
  } else {
    if (str(source.uid) !== '') errs.push(forbidden(path.child('uid'), 'uid must not be set in spec'));
    if (str(source.resourceVersion) !== '') errs.push(forbidden(path.child('resourceVersion'), 'resourceVersion must not be set in spec'));
  }
  const ns = str(source.namespace);
  if (ns === '') errs.push(required(path.child('namespace'), 'namespace must be set'));
  else errs.push(...validateName(validateNamespaceName, ns, path.child('namespace')));
  const name = str(source.name);
  if (name === '') errs.push(required(path.child('name'), 'name must be set'));
  else errs.push(...validateName(nameIsDNSSubdomain, name, path.child('name')));
  const key = str(source.kubeletConfigKey);
  if (key === '') errs.push(required(path.child('kubeletConfigKey'), 'kubeletConfigKey must be set'));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(path.child('kubeletConfigKey'), key, m));
  return errs;
}

function validateNodeConfigSource(source: Obj, path: FieldPath, inStatus: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const cm = obj(source.configMap);
  if (cm) errs.push(...validateConfigMapNodeConfigSource(cm, path.child('configMap'), inStatus));
  else errs.push(invalid(path, new GoRepr('core.NodeConfigSource{ConfigMap:(*core.ConfigMapNodeConfigSource)(nil)}'), 'exactly one reference subfield must be non-nil'));
  return errs;
}

const goNodeAddress = (a: Obj) => new GoRepr(`core.NodeAddress{Type:${goQuote(str(a.type))}, Address:${goQuote(str(a.address))}}`);

/** The node strategy's update: ValidateNode plus ValidateNodeUpdate. */
export function validateNodeUpdate(node: Obj, old: Obj): FieldError[] {
  const errs = validateNode(node);
  errs.push(...validateCoreObjectMetaUpdate(node, old));
  errs.push(...validateNodeSpecificAnnotations(strMap(obj(node.metadata)?.annotations) ?? {}, meta.child('annotations')));
  errs.push(...validateNodeResources(node));
  const seen = new Set<string>();
  objList(obj(node.status)?.addresses).forEach((a, i) => {
    const key = `${str(a.type)}\u0000${str(a.address)}`;
    if (seen.has(key)) errs.push(duplicate(FieldPath.root('status', 'addresses').index(i), goNodeAddress(a)));
    seen.add(key);
  });
  const spec = obj(node.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const oldCIDRs = podCIDRsOf(oldSpec);
  const newCIDRs = podCIDRsOf(spec);
  if (oldCIDRs.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden(FieldPath.root('spec', 'podCIDRs'), msg));
    else oldCIDRs.forEach((c, i) => c !== newCIDRs[i] && errs.push(forbidden(FieldPath.root('spec', 'podCIDRs'), msg)));
  }
  const oldProvider = str(oldSpec.providerID);
  if (oldProvider.length > 0 && oldProvider !== str(spec.providerID)) {
    errs.push(forbidden(FieldPath.root('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  const configSource = obj(spec.configSource);
  if (configSource) errs.push(...validateNodeConfigSource(configSource, FieldPath.root('spec', 'configSource'), false));
  const config = obj(obj(node.status)?.config);
  if (config) {
    for (const key of ['assigned', 'active', 'lastKnownGood']) {
      const source = obj(config[key]);
      if (source) errs.push(...validateNodeConfigSource(source, FieldPath.root('status', 'config').child(key), true));
    }
  }
  const taints = objList(spec.taints);
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, meta.child('taints')));
  if (str(spec.externalID) !== str(oldSpec.externalID)) errs.push(forbidden(FieldPath.root('spec', 'externalID'), 'may not be updated'));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Event (the core/v1 API: upstream's legacy event validation only)

const hasTime = (v: unknown) => typeof v === 'string' && v !== '' && !v.startsWith('0001-01-01T00:00:00');

/** Upstream's legacyValidateEvent, all that core/v1 Event writes get. */
export function validateEvent(event: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = str(obj(event.metadata)?.namespace);
  const involvedNamespace = str(obj(event.involvedObject)?.namespace);
  const involvedPath = FieldPath.root('involvedObject', 'namespace');
  if (!hasTime(event.eventTime)) {
    if (involvedNamespace.length === 0) {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    } else if (namespace !== involvedNamespace) {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    }
  } else {
    if (involvedNamespace.length === 0 && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    }
    const controller = str(event.reportingComponent);
    if (controller.length === 0) errs.push(required(FieldPath.root('reportingController'), ''));
    for (const m of isQualifiedName(controller)) errs.push(invalid(FieldPath.root('reportingController'), controller, m));
    const limit = (key: string, pathName: string, max: number, requiredValue: boolean) => {
      const v = str(event[key]);
      if (requiredValue && v.length === 0) errs.push(required(FieldPath.root(pathName), ''));
      if (byteLength(v) > max) errs.push(invalid(FieldPath.root(pathName), '', `can have at most ${max} characters`));
    };
    limit('reportingInstance', 'reportingInstance', 128, true);
    limit('action', 'action', 128, true);
    limit('reason', 'reason', 128, true);
    limit('message', 'message', 1024, false);
  }
  for (const m of isDNS1123Subdomain(namespace)) errs.push(invalid(FieldPath.root('namespace'), namespace, m));
  return errs;
}

/** Upstream's ValidateEventUpdate for core/v1 requests: the new event passes legacy validation. */
export function validateEventUpdate(event: Obj, _old: Obj): FieldError[] {
  return validateEvent(event);
}

