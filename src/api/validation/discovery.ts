/**
 * discovery.k8s.io/v1 EndpointSlice validation as kube-apiserver 1.33 runs it
 * (pkg/apis/discovery/validation).
 */
import { type FieldError, FieldPath, duplicate, internalError, invalid, notSupported, required, tooMany } from '../../apimachinery/field.ts';
import { isIPv4Mapped, parseIPSloppy } from '../../apimachinery/ip.ts';
import {
  isFullyQualifiedDomainName,
  isValidIPForLegacyField,
  isValidLabelValue,
  nameIsDNSSubdomain,
  validateImmutableField,
  validateLabels,
} from '../../apimachinery/validation.ts';
import { type JSONObject, arr, coreObjectMeta, obj, objOrEmpty, optStr, str, strMap, validateDNS1123Label, validateQualifiedName } from './util.ts';

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const maxTopologyLabels = 16;
const maxAddresses = 100;
const maxPorts = 20000;
const maxEndpoints = 1000;
const maxZoneHints = 8;
const zoneLabel = 'topology.kubernetes.io/zone';

/**
 * Core's ValidateEndpointIP: no unspecified, loopback, link-local or link-local multicast
 * addresses (these are node-local and make no sense as endpoints).
 */
export function validateEndpointIP(address: string, path: FieldPath): FieldError[] {
  const ip = parseIPSloppy(address);
  if (!ip) return [invalid(path, address, 'must be a valid IP address')];
  const b = ip.bytes;
  const v4 = isIPv4Mapped(b);
  const errs: FieldError[] = [];
  const allZero = (from: number) => b.subarray(from).every((x) => x === 0);
  if ((v4 && allZero(12)) || allZero(0)) errs.push(invalid(path, address, `may not be unspecified (${address})`));
  if ((v4 && b[12] === 127) || (!v4 && b.subarray(0, 15).every((x) => x === 0) && b[15] === 1)) {
    errs.push(invalid(path, address, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  if ((v4 && b[12] === 169 && b[13] === 254) || (!v4 && b[0] === 0xfe && (b[1]! & 0xc0) === 0x80)) {
    errs.push(invalid(path, address, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if ((v4 && b[12] === 224 && b[13] === 0 && b[14] === 0) || (!v4 && b[0] === 0xff && (b[1]! & 0x0f) === 0x02)) {
    errs.push(invalid(path, address, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

function validateAddress(addressType: string, address: string, path: FieldPath): FieldError[] {
  switch (addressType) {
    case 'IPv4':
    case 'IPv6': {
      // StrictIPCIDRValidation is alpha (off) in 1.33: legacy IP syntax is accepted.
      const ipErrs = isValidIPForLegacyField(path, address, false);
      if (ipErrs.length > 0) return ipErrs;
      const errs: FieldError[] = [];
      const isV4 = isIPv4Mapped(parseIPSloppy(address)!.bytes);
      if (addressType === 'IPv4' && !isV4) errs.push(invalid(path, address, 'must be an IPv4 address'));
      if (addressType === 'IPv6' && isV4) errs.push(invalid(path, address, 'must be an IPv6 address'));
      return [...errs, ...validateEndpointIP(address, path)];
    }
    case 'FQDN':
      return isFullyQualifiedDomainName(path, address);
    default:
      // Unknown types are reported on addressType and their addresses left alone.
      return [];
  }
}

function validateEndpoints(endpoints: unknown[], addressType: string): FieldError[] {
  const path = FieldPath.root('endpoints');
  if (endpoints.length > maxEndpoints) return [tooMany(path, endpoints.length, maxEndpoints)];
  const errs: FieldError[] = [];
  endpoints.forEach((e, i) => {
    const ep = objOrEmpty(e);
    const idx = path.index(i);
    const addressPath = idx.child('addresses');
    const addresses = arr(ep.addresses);
    if (addresses.length === 0) errs.push(required(addressPath, 'must contain at least 1 address'));
    else if (addresses.length > maxAddresses) errs.push(tooMany(addressPath, addresses.length, maxAddresses));
    addresses.forEach((a, j) => errs.push(...validateAddress(addressType, str(a), addressPath.index(j))));
    const nodeName = optStr(ep.nodeName);
    if (nodeName !== undefined) for (const msg of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(idx.child('nodeName'), nodeName, msg));
    const topologyPath = idx.child('deprecatedTopology');
    const topology = strMap(ep.deprecatedTopology);
    if (topology && Object.keys(topology).length > maxTopologyLabels) errs.push(tooMany(topologyPath, Object.keys(topology).length, maxTopologyLabels));
    errs.push(...validateLabels(topology, topologyPath));
    if (topology && Object.hasOwn(topology, zoneLabel)) errs.push(internalError(topologyPath.key(zoneLabel), 'reserved key was not removed in conversion'));
    const hostname = optStr(ep.hostname);
    if (hostname !== undefined) errs.push(...validateDNS1123Label(hostname, idx.child('hostname')));
    const hints = obj(ep.hints);
    if (hints) errs.push(...validateHints(hints, idx.child('hints')));
  });
  return errs;
}

function validateHints(hints: JSONObject, path: FieldPath): FieldError[] {
  const fz = path.child('forZones');
  const zones = arr(hints.forZones);
  if (zones.length > maxZoneHints) return [tooMany(fz, zones.length, maxZoneHints)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  zones.forEach((z, i) => {
    const name = str(objOrEmpty(z).name);
    const p = fz.index(i).child('name');
    if (seen.has(name)) errs.push(duplicate(p, name));
    else seen.add(name);
    for (const msg of isValidLabelValue(name)) errs.push(invalid(p, name, msg));
  });
  return errs;
}

function validatePorts(ports: unknown[]): FieldError[] {
  const path = FieldPath.root('ports');
  if (ports.length > maxPorts) return [tooMany(path, ports.length, maxPorts)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = objOrEmpty(p);
    const idx = path.index(i);
    const name = str(port.name);
    if (name.length > 0) errs.push(...validateDNS1123Label(name, idx.child('name')));
    if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
    else names.add(name);
    const protocol = optStr(port.protocol);
    if (protocol === undefined) errs.push(required(idx.child('protocol'), ''));
    else if (!protocols.includes(protocol)) errs.push(notSupported(idx.child('protocol'), protocol, protocols));
    const appProtocol = optStr(port.appProtocol);
    if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, idx.child('appProtocol')));
  });
  return errs;
}

function validateEndpointSliceObject(o: JSONObject): FieldError[] {
  const errs = coreObjectMeta(o, true, nameIsDNSSubdomain);
  const addressType = str(o.addressType);
  if (addressType === '') errs.push(required(FieldPath.root('addressType'), ''));
  else if (!addressTypes.includes(addressType)) errs.push(notSupported(FieldPath.root('addressType'), addressType, addressTypes));
  errs.push(...validateEndpoints(arr(o.endpoints), addressType));
  errs.push(...validatePorts(arr(o.ports)));
  return errs;
}

/** An EndpointSlice; its addressType is immutable. */
export function validateEndpointSlice(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) return validateEndpointSliceObject(o);
  // Upstream's update validation re-runs the create checks and has no ObjectMeta update
  // check of its own (the generic registry code runs one).
  return [...validateEndpointSliceObject(o), ...validateImmutableField(str(o.addressType), str(old.addressType), FieldPath.root('addressType'))];
}
