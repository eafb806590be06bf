/**
 * Services and Endpoints as upstream's pkg/apis/core/validation (Kubernetes 1.33) checks
 * them, on the v1 JSON form.
 */
import { type FieldError, FieldPath, duplicate, forbidden, internalError, invalid, notSupported, required } from '../../../apimachinery/field.ts';
import { GoRepr, goQuote, goStringSlice } from '../../../apimachinery/go-format.ts';
import { isIPv4Mapped, parseIPSloppy } from '../../../apimachinery/ip.ts';
import {
  isValidCIDRForLegacyField,
  isValidIPForLegacyField,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateLabels,
} from '../../../apimachinery/validation.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './pod.ts';
import {
  type Obj,
  clone,
  goIntOrString,
  goTypedStrings,
  num,
  obj,
  objList,
  optNum,
  optStr,
  present,
  str,
  strList,
  strMap,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateName,
  validateQualifiedName,
} from './util.ts';

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP'];
const spec = FieldPath.root('spec');

/** The node port range kube-apiserver allocates from (--service-node-port-range). */
export interface NodePortRange {
  min: number;
  max: number;
}
export const defaultNodePortRange: NodePortRange = { min: 30000, max: 32767 };

const isHeadless = (s: Obj): boolean => {
  const ips = strList(s.clusterIPs);
  return ips.length === 1 && ips[0] === 'None';
};

/** netutils.IsIPv6String: parses and is not IPv4 (nor IPv4-mapped). */
function isIPv6String(ip: string): boolean {
  const parsed = parseIPSloppy(ip);
  return parsed !== undefined && !isIPv4Mapped(parsed.bytes);
}

function isDualStack(ips: string[]): boolean {
  let v4 = false;
  let v6 = false;
  for (const ip of ips) {
    if (isIPv6String(ip)) v6 = true;
    else v4 = true;
  }
  return v4 && v6;
}

/** Upstream's ValidateNonSpecialIP (external IPs, endpoint addresses). */
export function validateNonSpecialIP(ip: string, path: FieldPath): FieldError[] {
  const parsed = parseIPSloppy(ip);
  if (!parsed) return [{ ...invalid(path, ip, 'must be a valid IP address'), origin: 'format=ip-sloppy' }];
  const b = parsed.bytes;
  const errs: FieldError[] = [];
  const v4 = isIPv4Mapped(b);
  const unspecified = v4 ? b[12] === 0 && b[13] === 0 && b[14] === 0 && b[15] === 0 : b.every((x) => x === 0);
  const loopback = v4 ? b[12] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  const linkLocalUnicast = v4 ? b[12] === 169 && b[13] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80;
  const linkLocalMulticast = v4 ? b[12] === 224 && b[13] === 0 && b[14] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02;
  if (unspecified) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (loopback) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocalUnicast) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast) errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  for (const e of errs) e.origin = 'format=non-special-ip';
  return errs;
}

function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  if (typeof port === 'number' || port === undefined || port === null) return isValidPortNum(num(port)).map((m) => invalid(path, num(port), m));
  return [internalError(path, `unknown type: ${typeof port}`)];
}

function goServicePortKey(protocol: string, port: number): GoRepr {
  return new GoRepr(`core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:${goIntOrString(0)}, NodePort:0}`);
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && name.length === 0) errs.push(required(path.child('name'), ''));
  else if (name.length !== 0) {
    errs.push(...validateDNS1123Label(name, path.child('name')));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    else names.add(name);
  }
  const port = num(sp.port);
  for (const m of isValidPortNum(port)) errs.push(invalid(path.child('port'), port, m));
  const protocol = str(sp.protocol);
  if (protocol.length === 0) errs.push(required(path.child('protocol'), ''));
  else if (!supportedPortProtocols.includes(protocol)) errs.push(notSupported(path.child('protocol'), protocol, supportedPortProtocols));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  const appProtocol = optStr(sp.appProtocol);
  if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, path.child('appProtocol')));
  return errs;
}

/** Upstream's ValidateServiceClusterIPsRelatedFields. */
function validateClusterIPsRelatedFields(s: Obj, type: string): FieldError[] {
  if (type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const clusterIPsPath = spec.child('clusterIPs');
  const ipFamiliesPath = spec.child('ipFamilies');
  const clusterIP = str(s.clusterIP);
  const clusterIPs = strList(s.clusterIPs);
  const families = strList(s.ipFamilies);
  if (clusterIP.length !== 0) {
    if (clusterIPs.length === 0) errs.push(required(clusterIPsPath, ''));
    else if (clusterIPs[0] !== clusterIP) errs.push(invalid(clusterIPsPath, clusterIPs, 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(invalid(clusterIPsPath, clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(ipFamiliesPath.index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(ipFamiliesPath.index(i), f));
    seen.add(f);
  });
  const policy = optStr(s.ipFamilyPolicy);
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported(spec.child('ipFamilyPolicy'), policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  let hasInvalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(clusterIPsPath, clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = isValidIPForLegacyField(clusterIPsPath.index(i), ip, false);
    if (ipErrs.length !== 0) hasInvalidIPs = true;
    errs.push(...ipErrs);
  });
  if (clusterIPs.length > 2) errs.push(invalid(clusterIPsPath, clusterIPs, 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (clusterIPs.length > 1 && !isDualStack(clusterIPs)) errs.push(invalid(clusterIPsPath, clusterIPs, 'may specify no more than one IP for each IP family'));
  if (!isHeadless(s) && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === 'IPv4' && isIPv6String(ip)) errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isIPv6String(ip)) errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

const externallyAccessible = (s: Obj) => {
  const type = str(s.type);
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && strList(s.externalIPs).length > 0);
};
const needsHealthCheck = (s: Obj) => str(s.type) === 'LoadBalancer' && str(s.externalTrafficPolicy) === 'Local';

/** Upstream's ValidateService on a v1 Service. */
export function validateService(service: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(service, true, nameIsDNS1035Label);
  const annotations = strMap(obj(service.metadata)?.annotations) ?? {};
  const hintsKey = 'service.kubernetes.io/topology-aware-hints';
  const modeKey = 'service.kubernetes.io/topology-mode';
  if (hintsKey in annotations && modeKey in annotations && annotations[hintsKey] !== annotations[modeKey]) {
    errs.push(invalid(FieldPath.root('metadata').child('annotations').key(modeKey), annotations[modeKey], `must match annotations[${hintsKey}] when both are specified`));
  }
  const s = obj(service.spec) ?? {};
  const type = str(s.type);
  const ports = objList(s.ports);
  const headless = isHeadless(s);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required(spec.child('ports'), ''));
  switch (type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if (strList(s.clusterIPs).length > 0) errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
      if (strList(s.ipFamilies).length > 0) errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
      if (present(s, 'ipFamilyPolicy')) errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      const cname = str(s.externalName).replace(/\.$/, '');
      if (cname.length > 0) errs.push(...validateDNS1123Subdomain(cname, spec.child('externalName')));
      else errs.push(required(spec.child('externalName'), ''));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, spec.child('ports').index(i))));
  if (present(s, 'selector')) errs.push(...validateLabels(strMap(s.selector), spec.child('selector')));
  const affinity = str(s.sessionAffinity);
  if (affinity.length === 0) errs.push(required(spec.child('sessionAffinity'), ''));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported(spec.child('sessionAffinity'), affinity, ['ClientIP', 'None']));
  const configPath = spec.child('sessionAffinityConfig');
  if (affinity === 'ClientIP') {
    const config = obj(s.sessionAffinityConfig);
    const clientIP = obj(config?.clientIP);
    const timeout = optNum(clientIP?.timeoutSeconds);
    if (!config) errs.push(required(configPath, 'when session affinity type is ClientIP'));
    else if (!clientIP) errs.push(required(configPath.child('clientIP'), 'when session affinity type is ClientIP'));
    else if (timeout === undefined) errs.push(required(configPath.child('clientIP').child('timeoutSeconds'), 'when session affinity type is ClientIP'));
    else if (timeout <= 0 || timeout > 86400) errs.push(invalid(configPath.child('clientIP').child('timeoutSeconds'), timeout, 'must be greater than 0 and less than 86400'));
  } else if (affinity === 'None' && present(s, 'sessionAffinityConfig')) {
    errs.push(forbidden(configPath, 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(s, type));
  strList(s.externalIPs).forEach((ip, i) => {
    const p = spec.child('externalIPs').index(i);
    const ipErrs = isValidIPForLegacyField(p, ip, false);
    errs.push(...(ipErrs.length !== 0 ? ipErrs : validateNonSpecialIP(ip, p)));
  });
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (type.length === 0) errs.push(required(spec.child('type'), ''));
  else if (!types.includes(type)) errs.push(notSupported(spec.child('type'), type, types));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) errs.push(forbidden(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const nodePort = num(p.nodePort);
    if (nodePort === 0) return;
    const key = `${str(p.protocol)}/${nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(spec.child('ports').index(i).child('nodePort'), nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${str(p.protocol)}/${num(p.port)}`;
    if (portKeys.has(key)) errs.push(duplicate(spec.child('ports').index(i), goServicePortKey(str(p.protocol), num(p.port))));
    portKeys.add(key);
  });
  const ranges = strList(s.loadBalancerSourceRanges);
  const rangesAnnotation = 'service.beta.kubernetes.io/load-balancer-source-ranges';
  if (ranges.length > 0) {
    const p = spec.child('LoadBalancerSourceRanges');
    if (type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...isValidCIDRForLegacyField(p.index(i), r.trim(), false)));
  } else if (rangesAnnotation in annotations) {
    const p = FieldPath.root('metadata', 'annotations').key(rangesAnnotation);
    if (type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    const val = annotations[rangesAnnotation]!.trim();
    if (val !== '') for (const r of val.split(',')) errs.push(...isValidCIDRForLegacyField(p, r.trim(), false));
  }
  if (present(s, 'allocateLoadBalancerNodePorts') && type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && !present(s, 'allocateLoadBalancerNodePorts')) errs.push(required(FieldPath.root('allocateLoadBalancerNodePorts'), ''));
  errs.push(...validateLoadBalancerClass(undefined, s));
  const etp = str(s.externalTrafficPolicy);
  if (!externallyAccessible(s)) {
    if (etp !== '') errs.push(invalid(spec.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') {
    errs.push(required(spec.child('externalTrafficPolicy'), ''));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported(spec.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  }
  const hcnp = num(s.healthCheckNodePort);
  if (!needsHealthCheck(s)) {
    if (hcnp !== 0) errs.push(invalid(spec.child('healthCheckNodePort'), hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hcnp === 0) {
    errs.push(required(spec.child('healthCheckNodePort'), ''));
  } else {
    for (const m of isValidPortNum(hcnp)) errs.push(invalid(spec.child('healthCheckNodePort'), hcnp, m));
  }
  const itp = optStr(s.internalTrafficPolicy);
  if (itp === undefined) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required(spec.child('internalTrafficPolicy'), ''));
  } else if (itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported(spec.child('internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  }
  const td = optStr(s.trafficDistribution);
  if (td !== undefined && td !== 'PreferClose') errs.push(notSupported(spec.child('trafficDistribution'), td, ['PreferClose']));
  return errs;
}

function validateLoadBalancerClass(old: Obj | undefined, s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const p = spec.child('loadBalancerClass');
  const cls = optStr(s.loadBalancerClass);
  if (old && str(old.type) === 'LoadBalancer' && str(s.type) === 'LoadBalancer' && optStr(old.loadBalancerClass) !== cls) {
    errs.push(invalid(p, cls ?? null, 'may not change once set'));
  }
  if (str(s.type) === 'LoadBalancer') {
    if (cls !== undefined) errs.push(...validateQualifiedName(cls, p));
  } else if (cls !== undefined) {
    errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateUpgradeDowngradeClusterIPs(old: Obj, s: Obj): FieldError[] {
  if (str(s.type) === 'ExternalName' || str(old.type) === 'ExternalName') return [];
  if (isHeadless(old) && isHeadless(s)) return [];
  const errs: FieldError[] = [];
  const oldIPs = strList(old.clusterIPs);
  const newIPs = strList(s.clusterIPs);
  const p = spec.child('clusterIPs');
  const newRepr = goStringSlice(present(s, 'clusterIPs') ? newIPs : null);
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) errs.push(invalid(p.index(i), newRepr, 'may not change once set'));
    });
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errs.push(invalid(p.index(0), newRepr, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) errs.push(invalid(p.index(0), newRepr, 'may not change once set'));
    if (newIPs.length === 1 && optStr(s.ipFamilyPolicy) !== 'SingleStack') {
      errs.push(invalid(spec.child('ipFamilyPolicy'), optStr(s.ipFamilyPolicy) ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(invalid(p.index(0), newRepr, 'may not change once set'));
  }
  return errs;
}

function validateUpgradeDowngradeIPFamilies(old: Obj, s: Obj): FieldError[] {
  if (str(s.type) === 'ExternalName' || str(old.type) === 'ExternalName') return [];
  if (isHeadless(s) !== isHeadless(old) || isHeadless(s)) return [];
  const errs: FieldError[] = [];
  const oldF = strList(old.ipFamilies);
  const newF = strList(s.ipFamilies);
  const p = spec.child('ipFamilies').index(0);
  const familiesRepr = goTypedStrings('core.IPFamily', present(s, 'ipFamilies') ? newF : undefined);
  const clusterIPsRepr = goStringSlice(present(s, 'clusterIPs') ? strList(s.clusterIPs) : null);
  if (oldF.length === newF.length) {
    oldF.forEach((f, i) => {
      if (f !== newF[i]) errs.push(invalid(p, familiesRepr, 'may not change once set'));
    });
  } else if (oldF.length > newF.length) {
    if (strList(s.clusterIPs).length === 0) errs.push(invalid(p, familiesRepr, 'primary ipFamily can not be unset'));
    if (newF.length > 0 && newF[0] !== oldF[0]) errs.push(invalid(p, clusterIPsRepr, 'may not change once set'));
    if (newF.length === 1 && optStr(s.ipFamilyPolicy) !== 'SingleStack') {
      errs.push(invalid(spec.child('ipFamilyPolicy'), optStr(s.ipFamilyPolicy) ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldF.length > 0 && newF.length > 0 && newF[0] !== oldF[0]) {
    errs.push(invalid(p, clusterIPsRepr, 'may not change once set'));
  }
  return errs;
}

const needsClusterIP = (s: Obj) => str(s.type) !== 'ExternalName';
const needsNodePort = (s: Obj) => {
  const type = str(s.type);
  if (type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === false) return false;
  return type === 'NodePort' || type === 'LoadBalancer';
};

/**
 * What the service REST layer does to a write before it validates it (on a copy here):
 * on update, patchAllocatedValues (a client that left out the allocated cluster IPs, node
 * ports or health check port keeps the old ones), then on create and update
 * normalizeClusterIPs (a client that only sets the singular `clusterIP` gets `clusterIPs`
 * to match). A registry should store the object this returns.
 */
export function prepareServiceWrite(service: Obj, old: Obj | undefined): Obj {
  const out = clone(service);
  const s = obj(out.spec);
  if (!s) return out;
  const o = obj(old?.spec);
  if (o) {
    if (needsClusterIP(o) && needsClusterIP(s)) {
      if (str(s.clusterIP) === '' && present(o, 'clusterIP')) s.clusterIP = o.clusterIP;
      if (strList(s.clusterIPs).length === 0 && strList(o.clusterIPs).length > 0) s.clusterIPs = o.clusterIPs;
    }
    if (needsNodePort(o) && needsNodePort(s)) {
      const usedNew = new Set(objList(s.ports).map((p) => num(p.nodePort)).filter((n) => n !== 0));
      const used = new Set(objList(o.ports).map((p) => num(p.nodePort)).filter((n) => n !== 0 && usedNew.has(n)));
      const byName = new Map(objList(o.ports).map((p) => [str(p.name), num(p.nodePort)]));
      for (const p of objList(s.ports)) {
        if (num(p.nodePort) !== 0) continue;
        const oldVal = byName.get(str(p.name)) ?? 0;
        if (!used.has(oldVal) && oldVal !== 0) p.nodePort = oldVal;
      }
    }
    const needsHC = (x: Obj) => str(x.type) === 'LoadBalancer' && str(x.externalTrafficPolicy) === 'Local';
    if (needsHC(o) && needsHC(s) && num(s.healthCheckNodePort) === 0 && num(o.healthCheckNodePort) !== 0) s.healthCheckNodePort = o.healthCheckNodePort;
  }
  const clusterIP = str(s.clusterIP);
  const clusterIPs = strList(s.clusterIPs);
  if (!o) {
    if (clusterIP.length > 0 && clusterIPs.length === 0) s.clusterIPs = [clusterIP];
    return out;
  }
  const oldIP = str(o.clusterIP);
  const oldIPs = strList(o.clusterIPs);
  if (oldIPs.length > 0 && clusterIPs.length === 0 && oldIP === clusterIP) s.clusterIPs = oldIPs;
  const sameIPs = () => JSON.stringify(oldIPs) === JSON.stringify(strList(s.clusterIPs));
  if (oldIP !== clusterIP) {
    if (oldIP.length > 0 && clusterIP.length === 0) {
      if (sameIPs()) delete s.clusterIPs;
    } else if (sameIPs()) {
      s.clusterIPs = [clusterIP];
    }
  }
  return out;
}

/**
 * The node port range check the service REST layer makes when it allocates an explicit
 * node port (NodePort and LoadBalancer services; on update only for ports not held before).
 */
export function validateNodePortRange(service: Obj, old: Obj | undefined, range: NodePortRange = defaultNodePortRange): FieldError[] {
  const s = obj(service.spec) ?? {};
  const type = str(s.type);
  if (type !== 'NodePort' && type !== 'LoadBalancer') return [];
  const held = new Set(objList(obj(old?.spec)?.ports).map((p) => num(p.nodePort)));
  const errs: FieldError[] = [];
  objList(s.ports).forEach((p, i) => {
    const nodePort = num(p.nodePort);
    if (nodePort === 0 || held.has(nodePort)) return;
    if (nodePort < range.min || nodePort > range.max) {
      errs.push(
        invalid(spec.child('ports').index(i).child('nodePort'), nodePort, `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`),
      );
    }
  });
  return errs;
}

/** Service create: upstream's ValidateServiceCreate plus the node port range. */
export function validateServiceCreate(service: Obj, range: NodePortRange = defaultNodePortRange): FieldError[] {
  const normalized = prepareServiceWrite(service, undefined);
  return [...validateService(normalized), ...validateNodePortRange(normalized, undefined, range)];
}

/** Upstream's ValidateServiceUpdate plus the node port range. */
export function validateServiceUpdate(service: Obj, old: Obj, range: NodePortRange = defaultNodePortRange): FieldError[] {
  const normalized = prepareServiceWrite(service, old);
  const s = obj(normalized.spec) ?? {};
  const o = obj(old.spec) ?? {};
  const errs = validateCoreObjectMetaUpdate(normalized, old);
  errs.push(...validateUpgradeDowngradeClusterIPs(o, s));
  errs.push(...validateUpgradeDowngradeIPFamilies(o, s));
  errs.push(...validateLoadBalancerClass(o, s));
  if (needsHealthCheck(o) && needsHealthCheck(s) && num(s.healthCheckNodePort) !== num(o.healthCheckNodePort)) {
    errs.push(forbidden(spec.child('healthCheckNodePort'), 'field is immutable'));
  }
  errs.push(...validateService(normalized));
  errs.push(...validateNodePortRange(normalized, old, range));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Endpoints

function validateEndpointAddress(address: Obj, path: FieldPath): FieldError[] {
  const ip = str(address.ip);
  const errs = isValidIPForLegacyField(path.child('ip'), ip, false);
  const hostname = str(address.hostname);
  if (hostname.length > 0) errs.push(...validateDNS1123Label(hostname, path.child('hostname')));
  const nodeName = optStr(address.nodeName);
  if (nodeName !== undefined) for (const e of validateName(nameIsDNSSubdomain, nodeName, path.child('nodeName'))) errs.push({ ...e, origin: 'format=dns-label' });
  errs.push(...validateNonSpecialIP(ip, path.child('ip')));
  return errs;
}

function validateEndpointPort(port: Obj, requireName: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(port.name);
  if (requireName && name.length === 0) errs.push(required(path.child('name'), ''));
  else if (name.length !== 0) errs.push(...validateDNS1123Label(name, path.child('name')));
  const p = num(port.port);
  for (const m of isValidPortNum(p)) errs.push({ ...invalid(path.child('port'), p, m), origin: 'portNum' });
  const protocol = str(port.protocol);
  if (protocol.length === 0) errs.push(required(path.child('protocol'), ''));
  else if (!supportedPortProtocols.includes(protocol)) errs.push(notSupported(path.child('protocol'), protocol, supportedPortProtocols));
  const appProtocol = optStr(port.appProtocol);
  if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, path.child('appProtocol')));
  return errs;
}

/** Upstream's ValidateEndpoints. */
export function validateEndpoints(endpoints: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(endpoints, true, nameIsDNSSubdomain);
  objList(endpoints.subsets).forEach((ss, i) => {
    const p = FieldPath.root('subsets').index(i);
    const addresses = objList(ss.addresses);
    const notReady = objList(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('addresses').index(j))));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('notReadyAddresses').index(j))));
    const ports = objList(ss.ports);
    ports.forEach((port, j) => errs.push(...validateEndpointPort(port, ports.length > 1, p.child('ports').index(j))));
  });
  return errs;
}

/** Upstream's ValidateEndpointsUpdate. */
export function validateEndpointsUpdate(endpoints: Obj, old: Obj): FieldError[] {
  return [...validateCoreObjectMetaUpdate(endpoints, old), ...validateEndpoints(endpoints)];
}

