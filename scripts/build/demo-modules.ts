/**
 * What says a built chunk holds demo code. Used by `npm run size`, which builds a tenant
 * configuration and fails when any chunk does.
 */

/**
 * Module paths that are the demo's: src/demo (the fake Graph, the demo tenant, people and
 * calendars, the dev host's protocol), the dev host page (src/app/dev-host), and the demo's
 * adapters in the composition root.
 */
export const DEMO_MODULE_PATTERNS: readonly RegExp[] = [/(^|\/)src\/demo\//, /(^|\/)src\/app\/dev-host\//, /(^|\/)src\/app\/composition\/demo-adapters\.tsx?$/];

/**
 * Strings only demo code holds, for chunks whatever their source map says: the demo tenant's id,
 * the demo app's id, and the key of the demo's Live Share containers (pinned to their sources in
 * the test).
 */
export const DEMO_MARKERS: readonly string[] = ['dddddddd-0000-4000-8000-000000000000', '5b7e2c1a-9d3f-4e6b-8a21-0c4d7f9e3b12', 'demo-live-container:'];

/**
 * The demo modules a source map lists among its sources (paths as the map gives them, with `/`).
 * Throws when the text is not a source map, so a check never passes on a file it could not read.
 */
export function demoModulesIn(sourceMapJson: string): string[] {
  const map = JSON.parse(sourceMapJson) as { sources?: unknown } | null;
  if (typeof map !== 'object' || map === null || !Array.isArray(map.sources)) throw new Error('Not a source map: it has no "sources" list.');
  return map.sources
    .filter((source): source is string => typeof source === 'string')
    .map((source) => source.replaceAll('\\', '/'))
    .filter((source) => DEMO_MODULE_PATTERNS.some((pattern) => pattern.test(source)));
}

/** The demo markers a chunk's code contains. */
export function demoMarkersIn(code: string): string[] {
  return DEMO_MARKERS.filter((marker) => code.includes(marker));
}
