/**
 * `npm run package`: writes dist/appPackage.zip for the Teams admin centre from manifest/ and the
 * configuration in env/.env, env/.env.local and the environment (the same variables the app is
 * built with). Exits 1 with a message naming each wrong value.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from 'vite';
import { CONFIG_VARIABLES, ConfigError, parseAppConfig, type RawConfig } from '../src/services/config/app-config.ts';
import { buildAppPackage, PackageError } from './package/app-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const env = loadEnv(process.env.MODE ?? 'production', join(root, 'env'), '');
  const raw = Object.fromEntries(Object.keys(CONFIG_VARIABLES).map((name) => [name, env[name]])) as RawConfig;
  const config = parseAppConfig(raw);
  if (config.mode !== 'tenant') {
    throw new ConfigError(
      (['AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID', 'TAB_ENDPOINT', 'TEAMS_APP_ID'] as const).map((variable) => ({
        variable,
        message: 'is missing (a package is for a real tenant; the demo needs none)',
      })),
    );
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const { zip } = buildAppPackage({
    template: readFileSync(join(root, 'manifest/manifest.template.json'), 'utf8'),
    tenant: config.tenant,
    programme: config.programme,
    version,
    colorIcon: readFileSync(join(root, 'manifest/color.png')),
    outlineIcon: readFileSync(join(root, 'manifest/outline.png')),
  });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/appPackage.zip'), zip);
  console.log(`Wrote dist/appPackage.zip (${zip.length} bytes) for ${config.tenant.appUrl}.`);
  console.log('Upload it in the Teams admin centre › Teams apps › Manage apps › Upload new app.');
} catch (error) {
  if (error instanceof ConfigError || error instanceof PackageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
