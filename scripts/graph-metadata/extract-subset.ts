/**
 * Extracts from Microsoft Graph's official v1.0 description (the CSDL in the public repository
 * microsoftgraph/msgraph-metadata, `schemas/v1.0-Prod.csdl`) the part this app uses: the user
 * type with its base types, the complex types its properties use, the `users` entity set, the `me`
 * singleton and the functions bound to users. The contract tests check requests and the fake
 * Graph's answers against it.
 *
 *   npx tsx scripts/graph-metadata/extract-subset.ts --csdl <path to v1.0-Prod.csdl> --commit <sha>
 *
 * writes tests/contract/graph-v1.0-subset.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { XMLParser } from 'fast-xml-parser';

interface XmlProperty {
  '@_Name': string;
  '@_Type': string;
  '@_Nullable'?: string;
}
interface XmlType {
  '@_Name': string;
  '@_BaseType'?: string;
  '@_OpenType'?: string;
  Property?: XmlProperty[];
  NavigationProperty?: XmlProperty[];
}
interface XmlFunction {
  '@_Name': string;
  '@_IsBound'?: string;
  Parameter?: { '@_Name': string; '@_Type': string }[];
}

export interface SubsetType {
  readonly kind: 'entity' | 'complex';
  readonly baseType: string | null;
  /** OpenType: instances may carry properties the model does not declare (open extensions do). */
  readonly open: boolean;
  readonly properties: Record<string, { type: string; nullable: boolean }>;
  readonly navigation: Record<string, { type: string }>;
}

export interface GraphSubset {
  readonly source: string;
  readonly commit: string;
  readonly entitySets: Record<string, string>;
  readonly singletons: Record<string, string>;
  /** Functions bound to a collection of the type, e.g. user: ["delta"]. */
  readonly collectionFunctions: Record<string, string[]>;
  readonly types: Record<string, SubsetType>;
}

const NAMESPACE = 'microsoft.graph';
/** The user, and the open extensions the app stores profiles in. */
/** The types the app reads or writes; everything they reach is kept too. */
export const ROOT_TYPES = [
  'microsoft.graph.user',
  'microsoft.graph.openTypeExtension',
  // Booking: events, free/busy, the pair workspace file and its sharing, the meeting chat's tab.
  'microsoft.graph.event',
  'microsoft.graph.scheduleInformation',
  'microsoft.graph.driveItem',
  'microsoft.graph.permission',
  'microsoft.graph.onlineMeeting',
  'microsoft.graph.teamsApp',
  'microsoft.graph.teamsTab',
  'microsoft.graph.singleValueLegacyExtendedProperty',
];

/** `graph.user` and `microsoft.graph.user` name the same type; Collection(…) wraps. */
export function qualify(type: string): string {
  const inner = type.replace(/^Collection\((.*)\)$/, '$1');
  return inner.startsWith('graph.') ? `${NAMESPACE}.${inner.slice('graph.'.length)}` : inner;
}

export function extractSubset(csdl: string, commit: string, roots: readonly string[] = ROOT_TYPES): GraphSubset {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['Schema', 'EntityType', 'ComplexType', 'Property', 'NavigationProperty', 'Function', 'Parameter', 'EntitySet', 'Singleton'].includes(name),
  });
  const edmx = parser.parse(csdl) as { 'edmx:Edmx': { 'edmx:DataServices': { Schema: Record<string, unknown>[] } } };
  const schema = edmx['edmx:Edmx']['edmx:DataServices'].Schema.find((s) => s['@_Namespace'] === NAMESPACE);
  if (!schema) throw new Error(`No ${NAMESPACE} schema in the CSDL`);
  const byName = new Map<string, { kind: 'entity' | 'complex'; xml: XmlType }>();
  for (const xml of (schema.EntityType as XmlType[]) ?? []) byName.set(`${NAMESPACE}.${xml['@_Name']}`, { kind: 'entity', xml });
  for (const xml of (schema.ComplexType as XmlType[]) ?? []) byName.set(`${NAMESPACE}.${xml['@_Name']}`, { kind: 'complex', xml });

  const types: Record<string, SubsetType> = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (types[name] || !name.startsWith(`${NAMESPACE}.`)) continue;
    const found = byName.get(name);
    if (!found) throw new Error(`Type ${name} is not in the CSDL`);
    const { kind, xml } = found;
    const baseType = xml['@_BaseType'] ? qualify(xml['@_BaseType']) : null;
    const properties = Object.fromEntries((xml.Property ?? []).map((p) => [p['@_Name'], { type: p['@_Type'].replace(/graph\./g, `${NAMESPACE}.`), nullable: p['@_Nullable'] !== 'false' }]));
    const navigation = Object.fromEntries((xml.NavigationProperty ?? []).map((p) => [p['@_Name'], { type: p['@_Type'].replace(/graph\./g, `${NAMESPACE}.`) }]));
    types[name] = { kind, baseType, open: xml['@_OpenType'] === 'true', properties, navigation };
    if (baseType) queue.push(baseType);
    // Complex types of properties are needed to check values; navigation targets only by name,
    // except directoryObject (manager), which is an ancestor of user anyway.
    for (const property of Object.values(properties)) {
      const target = qualify(property.type);
      if (byName.get(target)?.kind === 'complex') queue.push(target);
    }
  }

  const container = (schema.EntityContainer ?? {}) as { EntitySet?: { '@_Name': string; '@_EntityType': string }[]; Singleton?: { '@_Name': string; '@_Type': string }[] };
  const entitySets = Object.fromEntries((container.EntitySet ?? []).filter((s) => roots.includes(s['@_EntityType'])).map((s) => [s['@_Name'], s['@_EntityType']]));
  const singletons = Object.fromEntries((container.Singleton ?? []).filter((s) => roots.includes(s['@_Type'])).map((s) => [s['@_Name'], s['@_Type']]));
  const collectionFunctions: Record<string, string[]> = {};
  for (const fn of (schema.Function as XmlFunction[]) ?? []) {
    const binding = fn['@_IsBound'] === 'true' ? fn.Parameter?.[0]?.['@_Type'] : undefined;
    if (!binding?.startsWith('Collection(')) continue;
    const bound = qualify(binding);
    if (!roots.includes(bound)) continue;
    (collectionFunctions[bound] ??= []).push(fn['@_Name']);
  }
  for (const names of Object.values(collectionFunctions)) names.sort();
  return { source: 'microsoftgraph/msgraph-metadata schemas/v1.0-Prod.csdl', commit, entitySets, singletons, collectionFunctions, types };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { values } = parseArgs({ options: { csdl: { type: 'string' }, commit: { type: 'string' }, out: { type: 'string' } } });
  if (!values.csdl || !values.commit) {
    console.error('usage: extract-subset.ts --csdl <v1.0-Prod.csdl> --commit <sha> [--out <file>]');
    process.exit(2);
  }
  const subset = extractSubset(readFileSync(values.csdl, 'utf8'), values.commit);
  const out = values.out ?? new URL('../../tests/contract/graph-v1.0-subset.json', import.meta.url).pathname;
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`Wrote ${out}: ${Object.keys(subset.types).length} types`);
}
