/**
 * networking.k8s.io/v1 validation as kube-apiserver 1.33 runs it
 * (pkg/apis/networking/validation and the strategies): Ingress, IngressClass and
 * NetworkPolicy.
 */
import { type FieldError, FieldPath, forbidden, invalid, notSupported, required, tooLong } from '../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote } from '../../apimachinery/go-format.ts';
import { isIPv4Mapped, parseCIDRSloppy, parseIPSloppy } from '../../apimachinery/ip.ts';
import {
  type LabelSelectorLike,
  isDNS1123Subdomain,
  isDomainPrefixedPath,
  isValidCIDRForLegacyField,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateImmutableField,
  validateLabelSelector,
  validateNamespaceName,
} from '../../apimachinery/validation.ts';
import { type JSONObject, arr, coreObjectMeta, coreObjectMetaUpdate, isSet, num, obj, objOrEmpty, optStr, str, strMap } from './util.ts';

// ---------------------------------------------------------------------------------------
// NetworkPolicy

function validateNetworkPolicyPort(port: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const protocol = optStr(port.protocol);
  if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
    errs.push(notSupported(path.child('protocol'), protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const p = port.port;
  const endPort = isSet(port.endPort) ? num(port.endPort) : undefined;
  if (isSet(p)) {
    if (typeof p !== 'string') {
      const n = num(p);
      for (const msg of isValidPortNum(n)) errs.push(invalid(path.child('port'), n, msg));
      if (endPort !== undefined) {
        // Upstream reports the start port as the bad value here.
        if (endPort < n) errs.push(invalid(path.child('endPort'), n, 'must be greater than or equal to `port`'));
        for (const msg of isValidPortNum(endPort)) errs.push(invalid(path.child('endPort'), endPort, msg));
      }
    } else {
      if (endPort !== undefined) errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is non-numeric'));
      for (const msg of isValidPortName(p)) errs.push(invalid(path.child('port'), p, msg));
    }
  } else if (endPort !== undefined) {
    errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

/** The network of a CIDR as Go's net.IPNet sees it: IPv4 (4 bytes) when it can be. */
function netOf(cidr: NonNullable<ReturnType<typeof parseCIDRSloppy>>): { ip: Uint8Array; ones: number } {
  if (cidr.bits === 128 && isIPv4Mapped(cidr.network) && cidr.prefixLength >= 96) {
    return { ip: cidr.network.subarray(12), ones: cidr.prefixLength - 96 };
  }
  return { ip: cidr.network, ones: cidr.prefixLength };
}

function contains(outer: { ip: Uint8Array; ones: number }, ip: Uint8Array): boolean {
  if (outer.ip.length !== ip.length) return false;
  for (let i = 0; i < ip.length; i++) {
    const bits = Math.max(0, Math.min(8, outer.ones - i * 8));
    const mask = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
    if ((outer.ip[i]! & mask) !== (ip[i]! & mask)) return false;
  }
  return true;
}

function validateIPBlock(block: JSONObject, path: FieldPath): FieldError[] {
  const cidr = str(block.cidr);
  if (cidr === '') return [required(path.child('cidr'), '')];
  // StrictIPCIDRValidation is alpha (off) in 1.33: legacy CIDR syntax is accepted.
  const errs = isValidCIDRForLegacyField(path.child('cidr'), cidr, false);
  const parsed = parseCIDRSloppy(cidr);
  if (!parsed) return errs;
  const outer = netOf(parsed);
  arr(block.except).forEach((e, i) => {
    const except = str(e);
    const exceptPath = path.child('except').index(i);
    errs.push(...isValidCIDRForLegacyField(exceptPath, except, false));
    const ex = parseCIDRSloppy(except);
    if (!ex) return;
    const inner = netOf(ex);
    if (!contains(outer, inner.ip) || outer.ones >= inner.ones) errs.push(invalid(exceptPath, except, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function validateNetworkPolicyPeer(peer: JSONObject, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let peers = 0;
  for (const f of ['podSelector', 'namespaceSelector']) {
    const sel = obj(peer[f]);
    if (!sel) continue;
    peers++;
    errs.push(...validateLabelSelector(sel as LabelSelectorLike, { allowInvalidLabelValueInSelector: allowInvalidLabelValue }, path.child(f)));
  }
  const ipBlock = obj(peer.ipBlock);
  if (ipBlock) {
    peers++;
    errs.push(...validateIPBlock(ipBlock, path.child('ipBlock')));
  }
  if (peers === 0) errs.push(required(path, 'must specify a peer'));
  else if (peers > 1 && ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

function validateNetworkPolicySpec(s: JSONObject, allowInvalidLabelValue: boolean): FieldError[] {
  const path = FieldPath.root('spec');
  const errs = validateLabelSelector(objOrEmpty(s.podSelector) as LabelSelectorLike, { allowInvalidLabelValueInSelector: allowInvalidLabelValue }, path.child('podSelector'));
  for (const [dir, peersKey] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    arr(s[dir]).forEach((r, i) => {
      const rule = objOrEmpty(r);
      const rulePath = path.child(dir).index(i);
      arr(rule.ports).forEach((p, j) => errs.push(...validateNetworkPolicyPort(objOrEmpty(p), rulePath.child('ports').index(j))));
      arr(rule[peersKey]).forEach((p, j) => errs.push(...validateNetworkPolicyPeer(objOrEmpty(p), allowInvalidLabelValue, rulePath.child(peersKey).index(j))));
    });
  }
  const types = arr(s.policyTypes).map(str);
  if (types.length > 2) {
    errs.push(invalid(path.child('policyTypes'), new GoRepr(`[]networking.PolicyType{${types.map(goQuote).join(', ')}}`), 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(path.child('policyTypes').index(i), t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** A NetworkPolicy; on update an already-invalid pod selector may keep invalid label values. */
export function validateNetworkPolicy(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  if (!old) return [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateNetworkPolicySpec(s, false)];
  const oldSelector = objOrEmpty(objOrEmpty(old.spec).podSelector) as LabelSelectorLike;
  const allowInvalid = validateLabelSelector(oldSelector, {}, FieldPath.root('podSelector')).length > 0;
  return [...coreObjectMetaUpdate(o, old), ...validateNetworkPolicySpec(s, allowInvalid)];
}

// ---------------------------------------------------------------------------------------
// Ingress

interface IngressOptions {
  allowInvalidSecretName: boolean;
  allowInvalidWildcardHostRule: boolean;
}

const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];

function validateTypedLocalObjectReference(ref: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const apiGroup = optStr(ref.apiGroup);
  if (apiGroup !== undefined) for (const msg of isDNS1123Subdomain(apiGroup)) errs.push(invalid(path.child('apiGroup'), apiGroup, msg));
  for (const f of ['kind', 'name']) {
    const v = str(ref[f]);
    if (v === '') errs.push(required(path.child(f), `${f} is required`));
    else for (const msg of isValidPathSegmentName(v)) errs.push(invalid(path.child(f), v, msg));
  }
  return errs;
}

function validateIngressBackend(backend: JSONObject, path: FieldPath): FieldError[] {
  const resource = obj(backend.resource);
  const service = obj(backend.service);
  if (resource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return validateTypedLocalObjectReference(resource, path.child('resource'));
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = str(service.name);
  if (name === '') errs.push(required(path.child('service', 'name'), ''));
  else for (const msg of nameIsDNS1035Label(name, false)) errs.push(invalid(path.child('service', 'name'), name, msg));
  const port = objOrEmpty(service.port);
  const portName = str(port.name);
  const portNumber = num(port.number);
  if (portName !== '' && portNumber !== 0) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '') for (const msg of isValidPortName(portName)) errs.push(invalid(path.child('service', 'port', 'name'), portName, msg));
  else if (portNumber !== 0) for (const msg of isValidPortNum(portNumber)) errs.push(invalid(path.child('service', 'port', 'number'), portNumber, msg));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPIngressPath(p: JSONObject, path: FieldPath): FieldError[] {
  const pathType = optStr(p.pathType);
  if (pathType === undefined) return [required(path.child('pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = str(p.path);
  switch (pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      if (value.length > 0) {
        for (const seq of invalidPathSequences) if (value.includes(seq)) errs.push(invalid(path.child('path'), value, `must not contain '${seq}'`));
        for (const suffix of invalidPathSuffixes) if (value.endsWith(suffix)) errs.push(invalid(path.child('path'), value, `cannot end with '${suffix}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(path.child('pathType'), pathType, ['Exact', 'ImplementationSpecific', 'Prefix']));
  }
  errs.push(...validateIngressBackend(objOrEmpty(p.backend), path.child('backend')));
  return errs;
}

function validateIngressRuleValue(rule: JSONObject, path: FieldPath): FieldError[] {
  const http = obj(rule.http);
  if (!http) return [];
  const errs: FieldError[] = [];
  const paths = arr(http.paths);
  if (paths.length === 0) errs.push(required(path.child('http', 'paths'), ''));
  paths.forEach((p, i) => errs.push(...validateHTTPIngressPath(objOrEmpty(p), path.child('http', 'paths').index(i))));
  return errs;
}

function validateIngressRules(rules: unknown[], path: FieldPath, opts: IngressOptions): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const rule = objOrEmpty(r);
    const host = str(rule.host);
    let wildcard = false;
    if (host.length > 0) {
      if (parseIPSloppy(host)) errs.push(invalid(path.index(i).child('host'), host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) {
        for (const msg of isWildcardDNS1123Subdomain(host)) errs.push(invalid(path.index(i).child('host'), host, msg));
        wildcard = true;
      } else {
        for (const msg of isDNS1123Subdomain(host)) errs.push(invalid(path.index(i).child('host'), host, msg));
      }
    }
    if (!wildcard || !opts.allowInvalidWildcardHostRule) errs.push(...validateIngressRuleValue(rule, path.index(i)));
  });
  return errs;
}

function validateTLSSecretName(name: string): string[] {
  return name.length === 0 ? [] : nameIsDNSSubdomain(name, false);
}

function validateIngressSpec(s: JSONObject, opts: IngressOptions): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const rules = arr(s.rules);
  if (rules.length === 0 && !obj(s.defaultBackend)) {
    const repr = Array.isArray(s.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    errs.push(invalid(path, new GoRepr(repr), 'either `defaultBackend` or `rules` must be specified'));
  }
  const defaultBackend = obj(s.defaultBackend);
  if (defaultBackend) errs.push(...validateIngressBackend(defaultBackend, path.child('defaultBackend')));
  if (rules.length > 0) errs.push(...validateIngressRules(rules, path.child('rules'), opts));
  arr(s.tls).forEach((t, ti) => {
    const tls = objOrEmpty(t);
    const tlsPath = path.child('tls').index(ti);
    arr(tls.hosts).forEach((h, i) => {
      const host = str(h);
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errs.push(invalid(tlsPath.child('hosts').index(i), host, msg));
    });
    if (!opts.allowInvalidSecretName) {
      const secretName = str(tls.secretName);
      for (const msg of validateTLSSecretName(secretName)) errs.push(invalid(tlsPath.child('secretName'), secretName, msg));
    }
  });
  const className = optStr(s.ingressClassName);
  if (className !== undefined) for (const msg of nameIsDNSSubdomain(className, false)) errs.push(invalid(path.child('ingressClassName'), className, msg));
  return errs;
}

const ingressClassAnnotation = 'kubernetes.io/ingress.class';

/** An Ingress; on update, values already stored invalid (TLS secret names, wildcard rules) are tolerated. */
export function validateIngress(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  if (!old) {
    const errs = [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateIngressSpec(s, { allowInvalidSecretName: false, allowInvalidWildcardHostRule: false })];
    const annotations = strMap(objOrEmpty(o.metadata).annotations) ?? {};
    const className = optStr(s.ingressClassName);
    if (Object.hasOwn(annotations, ingressClassAnnotation) && className !== undefined && annotations[ingressClassAnnotation] !== className) {
      errs.push(invalid(FieldPath.root('annotations').child(ingressClassAnnotation), annotations[ingressClassAnnotation], 'must match `ingressClassName` when both are specified'));
    }
    return errs;
  }
  const oldSpec = objOrEmpty(old.spec);
  const opts: IngressOptions = {
    allowInvalidSecretName: arr(oldSpec.tls).some((t) => validateTLSSecretName(str(objOrEmpty(t).secretName)).length > 0),
    allowInvalidWildcardHostRule: arr(oldSpec.rules).some((r) => {
      const rule = objOrEmpty(r);
      return str(rule.host).includes('*') && validateIngressRuleValue(rule, FieldPath.root('x')).length > 0;
    }),
  };
  return [...coreObjectMetaUpdate(o, old), ...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateIngressSpec(s, opts)];
}

// ---------------------------------------------------------------------------------------
// IngressClass

const maxLenIngressClassController = 250;

function validateIngressClassSpec(s: JSONObject): FieldError[] {
  const path = FieldPath.root('spec');
  const controller = str(s.controller);
  const errs: FieldError[] = [];
  if (byteLength(controller) > maxLenIngressClassController) errs.push(tooLong(path.child('controller'), '', maxLenIngressClassController));
  errs.push(...isDomainPrefixedPath(path.child('controller'), controller));
  const params = obj(s.parameters);
  if (params) {
    const pp = path.child('parameters');
    errs.push(...validateTypedLocalObjectReference(params, pp));
    const scope = optStr(params.scope);
    if (scope === undefined) {
      errs.push(required(pp.child('scope'), ''));
    } else if (scope !== 'Namespace' && scope !== 'Cluster') {
      errs.push(notSupported(pp.child('scope'), scope, ['Cluster', 'Namespace']));
    } else {
      const namespace = optStr(params.namespace);
      if (scope === 'Namespace') {
        if (namespace === undefined) errs.push(required(pp.child('namespace'), "`parameters.scope` is set to 'Namespace'"));
        else for (const msg of validateNamespaceName(namespace, false)) errs.push(invalid(pp.child('namespace'), namespace, msg));
      }
      if (scope === 'Cluster' && namespace !== undefined) errs.push(forbidden(pp.child('namespace'), "`parameters.scope` is set to 'Cluster'"));
    }
  }
  return errs;
}

/** An IngressClass (cluster-scoped); its controller is immutable. */
export function validateIngressClass(o: JSONObject, old?: JSONObject): FieldError[] {
  const create = [...coreObjectMeta(o, false, nameIsDNSSubdomain), ...validateIngressClassSpec(objOrEmpty(o.spec))];
  if (!old) return create;
  const controller = str(objOrEmpty(o.spec).controller);
  return [
    ...coreObjectMetaUpdate(o, old),
    ...validateImmutableField(controller, str(objOrEmpty(old.spec).controller), FieldPath.root('spec', 'controller')),
    ...create,
  ];
}

