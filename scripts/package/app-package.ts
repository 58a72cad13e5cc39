/**
 * Builds the Teams app package: fills the manifest template with the configuration, validates it
 * against the official manifest JSON schema (shipped by @microsoft/app-manifest, read from disk,
 * never fetched), checks what the schema cannot (URLs inside validDomains, icon sizes and colours),
 * and zips manifest.json with the two icons.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { strToU8, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import type { TenantSettings, ProgrammeSettings } from '../../src/services/config/app-config.ts';
import { RESOURCE_SPECIFIC_PERMISSIONS } from '../../src/services/config/resource-specific-permissions.ts';
import { ACTIVITY_TYPES } from '../../src/services/config/activity-types.ts';

/** Thrown with every problem found, each naming the field or file it is about. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(readonly problems: readonly string[]) {
    super(['The app package is not valid:', ...problems.map((p) => `- ${p}`)].join('\n'));
  }
}

export interface PackageInputs {
  readonly template: string;
  readonly tenant: TenantSettings;
  readonly programme: ProgrammeSettings;
  readonly version: string;
  readonly colorIcon: Buffer;
  readonly outlineIcon: Buffer;
}

const require = createRequire(import.meta.url);

/** The official schema for a manifest version, from the installed @microsoft/app-manifest. */
export function loadManifestSchema(manifestVersion: string): object {
  const base = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(base, 'build/json-schemas/teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as object;
  } catch {
    throw new PackageError([`manifestVersion "${manifestVersion}" has no schema in @microsoft/app-manifest (${path})`]);
  }
}

/** Replaces `${{NAME}}` placeholders (Agents Toolkit style) with JSON-escaped values. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) throw new PackageError([...unknown].map((name) => `manifest template: no value for \${{${name}}}`));
  return filled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'manifest' : `manifest${error.instancePath.replaceAll('/', '.')}`;
  switch (error.keyword) {
    case 'required':
      return `${where}: missing required field "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where}: unknown field "${String(error.params.additionalProperty)}"`;
    case 'enum':
      return `${where}: ${JSON.stringify(error.data)} is not one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `${where}: ${JSON.stringify(error.data)} does not match ${String(error.params.pattern)}`;
    default:
      return `${where}: ${error.message ?? 'is not valid'}`;
  }
}

/** Schema problems of a manifest, one line each, naming the field. */
export function schemaProblems(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifest: missing required field "manifestVersion"'];
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  const validate = ajv.compile(loadManifestSchema(version));
  if (validate(manifest)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}

interface ManifestUrls {
  staticTabs?: { contentUrl?: string; websiteUrl?: string }[];
  configurableTabs?: { configurationUrl?: string }[];
  validDomains?: string[];
}

/** Teams loads tab pages only from the manifest's validDomains. */
export function domainProblems(manifest: ManifestUrls): string[] {
  const domains = manifest.validDomains ?? [];
  const urls = [
    ...(manifest.staticTabs ?? []).flatMap((tab, i) => [
      [`manifest.staticTabs.${i}.contentUrl`, tab.contentUrl],
      [`manifest.staticTabs.${i}.websiteUrl`, tab.websiteUrl],
    ]),
    ...(manifest.configurableTabs ?? []).map((tab, i) => [`manifest.configurableTabs.${i}.configurationUrl`, tab.configurationUrl]),
  ] as [string, string | undefined][];
  return urls.flatMap(([field, url]) => {
    if (url === undefined) return [];
    if (!URL.canParse(url)) return [`${field}: "${url}" is not a URL`];
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return [`${field}: "${url}" must use https`];
    return domains.includes(parsed.host) ? [] : [`${field}: host "${parsed.host}" is not in validDomains`];
  });
}

/**
 * Icon problems: the colour icon is 192×192; the outline icon is 32×32, white on transparent.
 * See https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
 */
export function iconProblems(colorIcon: Buffer, outlineIcon: Buffer): string[] {
  const problems: string[] = [];
  const read = (name: string, bytes: Buffer) => {
    try {
      return PNG.sync.read(bytes);
    } catch {
      problems.push(`${name}: is not a PNG image`);
      return undefined;
    }
  };
  const color = read('color.png', colorIcon);
  if (color && (color.width !== 192 || color.height !== 192)) {
    problems.push(`color.png: is ${color.width}×${color.height}; it must be 192×192`);
  }
  const outline = read('outline.png', outlineIcon);
  if (outline) {
    if (outline.width !== 32 || outline.height !== 32) {
      problems.push(`outline.png: is ${outline.width}×${outline.height}; it must be 32×32`);
    }
    let opaqueNonWhite = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
      if (a === 0) transparent++;
      else if (r < 250 || g < 250 || b < 250) opaqueNonWhite++;
    }
    if (transparent === 0) problems.push('outline.png: has no transparent background; it must be white on transparent');
    if (opaqueNonWhite > 0) problems.push(`outline.png: has ${opaqueNonWhite} non-white pixels; it must be white on transparent`);
  }
  return problems;
}

/**
 * The manifest's resource-specific permissions must be exactly the app's list, which the app also
 * consents to when it installs itself in a meeting chat: Graph refuses a consented set that differs
 * from the app's definition (https://learn.microsoft.com/graph/api/chat-post-installedapps).
 */
export function resourceSpecificProblems(manifest: Record<string, unknown>): string[] {
  const listed = (manifest.authorization as { permissions?: { resourceSpecific?: unknown } } | undefined)?.permissions?.resourceSpecific;
  const key = (p: { name?: unknown; type?: unknown }) => `${String(p.name)} (${String(p.type)})`;
  const actual = Array.isArray(listed) ? (listed as { name?: unknown; type?: unknown }[]).map(key).sort() : [];
  const expected = RESOURCE_SPECIFIC_PERMISSIONS.map(key).sort();
  if (actual.length === expected.length && actual.every((p, i) => p === expected[i])) return [];
  return [
    `manifest: authorization.permissions.resourceSpecific must be exactly ${expected.join(', ')} (src/services/config/resource-specific-permissions.ts), not ${actual.join(', ') || 'none'}`,
  ];
}

/**
 * The manifest's activity types must be exactly the app's list (src/services/config/activity-types.ts):
 * Graph refuses a notification whose type the manifest does not declare
 * (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification), and a declared type
 * the app never sends would show an empty setting in every person's notification settings.
 */
export function activityTypeProblems(manifest: Record<string, unknown>): string[] {
  const listed = (manifest.activities as { activityTypes?: unknown } | undefined)?.activityTypes;
  const key = (t: { type?: unknown; description?: unknown; templateText?: unknown }) => `${String(t.type)}: "${String(t.templateText)}" (${String(t.description)})`;
  const actual = Array.isArray(listed) ? (listed as { type?: unknown }[]).map(key).sort() : [];
  const expected = ACTIVITY_TYPES.map(key).sort();
  if (actual.length === expected.length && actual.every((t, i) => t === expected[i])) return [];
  return [`manifest: activities.activityTypes must be exactly ${expected.join(', ')} (src/services/config/activity-types.ts), not ${actual.join(', ') || 'none'}`];
}

/** The filled-in, checked manifest and the zip holding it with its icons. */
export function buildAppPackage(inputs: PackageInputs): { manifest: Record<string, unknown>; zip: Uint8Array } {
  const appUrl = new URL(inputs.tenant.appUrl);
  const text = fillTemplate(inputs.template, {
    APP_VERSION: inputs.version,
    TEAMS_APP_ID: inputs.tenant.teamsAppId,
    AAD_APP_CLIENT_ID: inputs.tenant.clientId,
    TAB_ENDPOINT: inputs.tenant.appUrl,
    TAB_DOMAIN: appUrl.host,
    PROGRAMME_NAME: inputs.programme.name,
  });
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new PackageError([`manifest template: not valid JSON (${(error as Error).message})`]);
  }
  const problems = [
    ...schemaProblems(manifest),
    ...domainProblems(manifest),
    ...resourceSpecificProblems(manifest),
    ...activityTypeProblems(manifest),
    ...iconProblems(inputs.colorIcon, inputs.outlineIcon),
  ];
  if (problems.length > 0) throw new PackageError(problems);
  const zip = zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'color.png': new Uint8Array(inputs.colorIcon),
    'outline.png': new Uint8Array(inputs.outlineIcon),
  });
  return { manifest, zip };
}
