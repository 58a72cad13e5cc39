/**
 * Checks Graph requests and answers against the vendored subset of Graph's official v1.0 CSDL
 * (tests/contract/graph-v1.0-subset.json, made by scripts/graph-metadata/extract-subset.ts).
 */
import type { GraphSubset } from '../../scripts/graph-metadata/extract-subset';

const ROOT = 'https://graph.microsoft.com/v1.0';

function chain(subset: GraphSubset, typeName: string) {
  const properties: Record<string, { type: string; nullable: boolean }> = {};
  const navigation: Record<string, { type: string }> = {};
  for (let name: string | null = typeName; name; name = subset.types[name]?.baseType ?? null) {
    const type = subset.types[name];
    if (!type) throw new Error(`The subset has no type ${name}`);
    Object.assign(properties, type.properties);
    Object.assign(navigation, type.navigation);
  }
  return { properties, navigation };
}

type Target = { kind: 'collection' | 'single' | 'delta'; type: string } | { kind: 'batch' };

/** Follows a path: an entity set or singleton, a key, a bound function, a navigation and its key. */
function resolve(path: string, subset: GraphSubset): Target | undefined {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 1 && segments[0] === '$batch') return { kind: 'batch' };
  const [first, ...rest] = segments;
  if (!first) return undefined;
  let target: { kind: 'collection' | 'single' | 'delta'; type: string };
  if (subset.singletons[first]) target = { kind: 'single', type: subset.singletons[first] };
  else if (subset.entitySets[first]) target = { kind: 'collection', type: subset.entitySets[first] };
  else return undefined;
  for (const segment of rest) {
    if (target.kind === 'delta') return undefined;
    if (target.kind === 'collection') {
      const fn = segment.replace(/\(\)$/, '');
      target = subset.collectionFunctions[target.type]?.includes(fn) ? { kind: 'delta', type: target.type } : { kind: 'single', type: target.type };
      continue;
    }
    const navigation = chain(subset, target.type).navigation[segment];
    if (!navigation) return undefined;
    const collection = /^Collection\((.*)\)$/.exec(navigation.type);
    target = { kind: collection ? 'collection' : 'single', type: collection ? collection[1]! : navigation.type };
  }
  return target;
}

/** Open extensions are the only thing the app writes through this contract. */
function isExtension(subset: GraphSubset, typeName: string): boolean {
  for (let name: string | null = typeName; name; name = subset.types[name]?.baseType ?? null) if (name === 'microsoft.graph.extension') return true;
  return false;
}

const ALLOWED: Record<string, string[]> = {
  collection: ['$select', '$filter', '$expand', '$top', '$count', '$skiptoken', '$orderby', '$search'],
  single: ['$select', '$expand'],
  delta: ['$select', '$deltatoken', '$skiptoken', '$top', '$filter'],
};

/** Problems with one request: unknown path, parameter, property or navigation, or a broken rule. */
export function requestProblems(method: string, url: string, headers: Record<string, string>, subset: GraphSubset): string[] {
  const parsed = new URL(url.startsWith('http') ? url : `${ROOT}${url.startsWith('/') ? '' : '/'}${url}`);
  if (!parsed.href.startsWith(`${ROOT}/`)) return [`${url}: not a Graph v1.0 URL`];
  const path = parsed.pathname.slice('/v1.0'.length);
  const target = resolve(path, subset);
  if (!target) return [`${method} ${path}: no such resource in Graph v1.0`];
  if (target.kind === 'batch') return method === 'POST' ? [] : [`${method} ${path}: $batch takes POST`];
  if (method !== 'GET') {
    if (!isExtension(subset, target.type)) return [`${method} ${path}: the app only reads here`];
    const allowed = target.kind === 'collection' ? ['POST'] : ['PATCH', 'DELETE'];
    return allowed.includes(method) ? [] : [`${method} ${path}: not a write Graph accepts here`];
  }
  const { properties, navigation } = chain(subset, target.type);
  const problems: string[] = [];
  const lowerHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, value] of parsed.searchParams) {
    if (!ALLOWED[target.kind]!.includes(name)) problems.push(`${path}: ${name} is not a query option here`);
    if (name === '$select') {
      for (const p of value.split(',')) {
        const isNavigationInDelta = target.kind === 'delta' && p in navigation;
        if (!(p in properties) && !isNavigationInDelta) problems.push(`${path}: $select names unknown property "${p}"`);
      }
    }
    if (name === '$expand') {
      const match = /^(\w+)(?:\(\$select=([^)]*)\))?$/.exec(value);
      const nav = match?.[1];
      if (!nav || !(nav in navigation)) problems.push(`${path}: $expand names unknown navigation "${value}"`);
      else if (match[2]) {
        const targetProps = chain(subset, navigation[nav]!.type).properties;
        for (const p of match[2].split(',')) if (!(p in targetProps)) problems.push(`${path}: $expand ${nav} selects unknown "${p}"`);
      }
    }
    if (name === '$filter') {
      const identifiers = [...value.matchAll(/(?:^|\(|\s)([A-Za-z]\w*)(?=\s+(?:eq|ne|in|gt|lt|ge|le)\b|\s*,)/g)].map((m) => m[1]!);
      for (const id of identifiers) if (!(id in properties)) problems.push(`${path}: $filter uses unknown property "${id}"`);
    }
    if (name === '$top' && !(Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 999)) {
      problems.push(`${path}: $top must be 1–999`);
    }
    if (name === '$count' && lowerHeaders.consistencylevel !== 'eventual') {
      problems.push(`${path}: $count needs the ConsistencyLevel: eventual header`);
    }
  }
  if (parsed.searchParams.has('$count') && parsed.searchParams.has('$expand')) problems.push(`${path}: $expand is not supported in advanced queries`);
  return problems;
}

function edmProblem(value: unknown, type: string, nullable: boolean, where: string, subset: GraphSubset): string[] {
  if (value === null) return nullable ? [] : [`${where}: null is not allowed`];
  const collection = /^Collection\((.*)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) return [`${where}: expected an array`];
    return value.flatMap((item, i) => edmProblem(item, collection[1]!, false, `${where}[${i}]`, subset));
  }
  switch (type) {
    case 'Edm.String':
      return typeof value === 'string' ? [] : [`${where}: expected a string`];
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected a boolean`];
    case 'Edm.Int32':
    case 'Edm.Int64':
      return Number.isInteger(value) ? [] : [`${where}: expected an integer`];
    case 'Edm.Guid':
      return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? [] : [`${where}: expected a GUID`];
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(value) ? [] : [`${where}: expected a date-time with offset`];
    case 'Edm.TimeOfDay':
      return typeof value === 'string' && /^\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? [] : [`${where}: expected a time of day`];
    default:
      if (type.startsWith('microsoft.graph.') && subset.types[type]) return objectProblems(value, type, where, subset);
      // Enums and types outside the subset: any string.
      return typeof value === 'string' ? [] : [`${where}: expected a value of ${type}`];
  }
}

/** Problems with one object of a type: undeclared properties, wrong value types. */
export function objectProblems(value: unknown, typeName: string, where: string, subset: GraphSubset): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: expected an object of ${typeName}`];
  const actual = (value as Record<string, unknown>)['@odata.type'];
  const effective = typeof actual === 'string' && subset.types[actual.replace(/^#/, '')] ? actual.replace(/^#/, '') : typeName;
  const { properties, navigation } = chain(subset, effective);
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('@') || /@odata\./.test(key)) continue;
    const deltaNavigation = /^(\w+)@delta$/.exec(key);
    if (deltaNavigation) {
      if (!(deltaNavigation[1]! in navigation)) problems.push(`${where}.${key}: no navigation ${deltaNavigation[1]}`);
      continue;
    }
    if (key in navigation) {
      // A navigation holds one entity or, deep-inserted or expanded, a collection of them.
      const many = /^Collection\((.*)\)$/.exec(navigation[key]!.type);
      if (many && Array.isArray(item)) item.forEach((entry, i) => problems.push(...objectProblems(entry, many[1]!, `${where}.${key}[${i}]`, subset)));
      else problems.push(...objectProblems(item, navigation[key]!.type, `${where}.${key}`, subset));
      continue;
    }
    const property = properties[key];
    if (!property) {
      // Open extensions carry the app's own properties; that is what they are for.
      if (!isExtension(subset, effective)) problems.push(`${where}.${key}: not a property of ${effective}`);
      continue;
    }
    problems.push(...edmProblem(item, property.type, property.nullable, `${where}.${key}`, subset));
  }
  return problems;
}
