import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../src/services/config/app-config.ts';
import { consentedPermissionSet, RESOURCE_SPECIFIC_PERMISSIONS } from '../../src/services/config/resource-specific-permissions.ts';
import {
  activityTypeProblems,
  buildAppPackage,
  domainProblems,
  fillTemplate,
  iconProblems,
  PackageError,
  resourceSpecificProblems,
  schemaProblems,
  type PackageInputs,
} from './app-package.ts';
import { colorIcon, outlineIcon } from './make-icons.ts';
import { ACTIVITY_TYPES } from '../../src/services/config/activity-types.ts';
import { NOTIFICATIONS } from '../../src/application/notifications/notifier.ts';

const config = parseAppConfig({
  AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  AAD_APP_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  TAB_ENDPOINT: 'https://mentoring.contoso.com',
  TEAMS_APP_ID: '99999999-8888-7777-6666-555555555555',
});
if (config.mode !== 'tenant') throw new Error('test configuration must be a tenant');

const template = readFileSync(new URL('../../manifest/manifest.template.json', import.meta.url), 'utf8');
const inputs: PackageInputs = {
  template,
  tenant: config.tenant,
  programme: config.programme,
  version: '1.2.3',
  colorIcon: readFileSync(new URL('../../manifest/color.png', import.meta.url)),
  outlineIcon: readFileSync(new URL('../../manifest/outline.png', import.meta.url)),
};

function goodManifest(): Record<string, unknown> {
  return buildAppPackage(inputs).manifest;
}

function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  return PNG.sync.write(image);
}

function packageProblems(change: Partial<PackageInputs>): string[] {
  try {
    buildAppPackage({ ...inputs, ...change });
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    return [...(error as PackageError).problems];
  }
  throw new Error('expected a PackageError');
}

describe('the app package', () => {
  it('builds a zip whose manifest validates against the official schema', () => {
    const { manifest, zip } = buildAppPackage(inputs);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    expect(packed).toEqual(manifest);
    expect(schemaProblems(packed)).toEqual([]);
    expect(packed).toMatchObject({
      id: inputs.tenant.teamsAppId,
      version: '1.2.3',
      validDomains: ['mentoring.contoso.com'],
      webApplicationInfo: {
        id: inputs.tenant.clientId,
        nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://mentoring.contoso.com', scopes: ['User.Read'] }],
      },
      staticTabs: [expect.objectContaining({ contentUrl: 'https://mentoring.contoso.com/personal-tab/' }), expect.anything()],
      configurableTabs: [
        expect.objectContaining({
          configurationUrl: 'https://mentoring.contoso.com/config/',
          context: ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
        }),
      ],
    });
  });

  it('asks for the resource-specific permissions Live Share needs', () => {
    const names = (goodManifest().authorization as { permissions: { resourceSpecific: { name: string }[] } }).permissions.resourceSpecific.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['LiveShareSession.ReadWrite.Chat', 'MeetingStage.Write.Chat']));
  });

  it('lists exactly the resource-specific permissions the app consents to when it installs itself in a meeting chat', () => {
    const listed = (goodManifest().authorization as { permissions: { resourceSpecific: { name: string; type: string }[] } }).permissions.resourceSpecific;
    expect(listed).toEqual(RESOURCE_SPECIFIC_PERMISSIONS.map((p) => ({ name: p.name, type: p.type })));
    const set = consentedPermissionSet().resourceSpecificPermissions.map((p) => `${p.permissionValue}/${p.permissionType}`);
    expect(set).toEqual(listed.map((p) => `${p.name}/${p.type.toLowerCase()}`));
    const fewer = goodManifest();
    (fewer.authorization as { permissions: { resourceSpecific: unknown[] } }).permissions.resourceSpecific.pop();
    expect(resourceSpecificProblems(fewer)).toEqual([expect.stringMatching(/resourceSpecific must be exactly/)]);
  });

  it('declares every activity type the app sends, as the app words them, and the schema allows them', () => {
    const manifest = goodManifest();
    expect((manifest.activities as { activityTypes: unknown[] }).activityTypes).toEqual(ACTIVITY_TYPES.map((t) => ({ ...t })));
    // Every type the app's notifications send is in the package's manifest, and none it never sends.
    const declared = (manifest.activities as { activityTypes: { type: string }[] }).activityTypes.map((t) => t.type).sort();
    expect([...new Set(Object.values(NOTIFICATIONS).map((n) => n.activityType))].sort()).toEqual(declared);
    expect(schemaProblems(manifest)).toEqual([]);
    // Graph's {actor} is the only parameter: the app sends no template parameters.
    for (const t of ACTIVITY_TYPES) expect(t.templateText.match(/\{[^}]*\}/g)).toEqual(['{actor}']);
    const fewer = goodManifest();
    (fewer.activities as { activityTypes: unknown[] }).activityTypes.pop();
    expect(activityTypeProblems(fewer)).toEqual([expect.stringMatching(/activities\.activityTypes must be exactly .*pairProposed/)]);
    const reworded = goodManifest();
    (reworded.activities as { activityTypes: { templateText: string }[] }).activityTypes[0]!.templateText = '{actor} wants you';
    expect(activityTypeProblems(reworded)).toHaveLength(1);
  });

  it('rejects a manifest with a missing field, naming it', () => {
    const manifest = goodManifest();
    delete manifest.developer;
    expect(schemaProblems(manifest)).toContain('manifest: missing required field "developer"');
  });

  it('rejects an unknown tab context, naming the allowed ones', () => {
    const manifest = goodManifest();
    (manifest.configurableTabs as { context: string[] }[])[0]!.context = ['meetingSidePanel', 'meetingLobby'];
    const [problem] = schemaProblems(manifest);
    expect(problem).toMatch(/manifest\.configurableTabs\.0\.context\.1: "meetingLobby" is not one of .*"meetingStage"/);
  });

  it('rejects a tab URL that is not http(s)', () => {
    const manifest = goodManifest();
    (manifest.staticTabs as { contentUrl: string }[])[0]!.contentUrl = 'ftp://mentoring.contoso.com/personal-tab/';
    expect(schemaProblems(manifest)).toEqual([expect.stringMatching(/manifest\.staticTabs\.0\.contentUrl: "ftp:.*" does not match/)]);
    expect(domainProblems(manifest)).toEqual([expect.stringMatching(/contentUrl: .* must use https/)]);
  });

  it('rejects a tab URL outside validDomains', () => {
    const manifest = goodManifest();
    manifest.validDomains = ['elsewhere.contoso.com'];
    expect(domainProblems(manifest)).toContain('manifest.configurableTabs.0.configurationUrl: host "mentoring.contoso.com" is not in validDomains');
  });

  it('rejects an unknown field and a wrong manifest version', () => {
    expect(schemaProblems({ ...goodManifest(), colour: 'blue' })).toContain('manifest: unknown field "colour"');
    expect(() => schemaProblems({ ...goodManifest(), manifestVersion: '0.9' })).toThrow(/0.9.*has no schema/);
  });

  it('rejects icons of the wrong size', () => {
    expect(packageProblems({ colorIcon: png(96, 96, [79, 82, 178, 255]) })).toEqual(['color.png: is 96×96; it must be 192×192']);
    expect(iconProblems(colorIcon(), png(20, 32, [255, 255, 255, 0]))).toEqual(['outline.png: is 20×32; it must be 32×32']);
  });

  it('rejects an outline icon that is not white on transparent', () => {
    expect(iconProblems(colorIcon(), png(32, 32, [79, 82, 178, 255]))).toEqual([
      'outline.png: has no transparent background; it must be white on transparent',
      'outline.png: has 1024 non-white pixels; it must be white on transparent',
    ]);
    expect(iconProblems(colorIcon(), Buffer.from('not a png'))).toEqual(['outline.png: is not a PNG image']);
  });

  it('accepts the icons it draws', () => {
    expect(iconProblems(colorIcon(), outlineIcon())).toEqual([]);
  });

  it('escapes configuration values and refuses unknown placeholders', () => {
    expect(fillTemplate('{"a":"${{X}}"}', { X: 'say "hi"\n' })).toBe('{"a":"say \\"hi\\"\\n"}');
    expect(() => fillTemplate('{"a":"${{NOPE}}"}', {})).toThrow(/no value for \$\{\{NOPE\}\}/);
  });

  it('rejects a programme name that does not fit the manifest', () => {
    const problems = packageProblems({ programme: { ...inputs.programme, name: 'x'.repeat(31) } });
    expect(problems).toEqual(['manifest.name.short: must NOT have more than 30 characters']);
  });
});
