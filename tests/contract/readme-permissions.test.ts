/**
 * The README's permissions table is what an admin consents to: it must name exactly the Graph scopes
 * the code asks for, link every catalogued Graph operation to the page it was checked against, and
 * list the manifest's resource-specific permissions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_SPECIFIC_PERMISSIONS } from '@/services/config/resource-specific-permissions';
import { GRAPH_OPERATIONS } from '@/demo/graph/graph-catalogue';

const root = new URL('../..', import.meta.url).pathname;

interface Row {
  readonly permissions: string[];
  readonly kind: string;
  readonly operations: { name: string; url: string }[];
}

function permissionRows(): Row[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('## Troubleshooting'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(' | ');
      return {
        permissions: [...cells[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        kind: cells[1]!,
        operations: [...(cells.at(-1) ?? '').matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ name: m[1]!, url: m[2]! })),
      };
    });
}

/** Every Graph scope string the app's own code (not the fake, not tests) asks for. */
function scopesInCode(): Set<string> {
  const scopes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'demo') walk(path);
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/'((?:User|Group|GroupMember|Calendars|Files|OnlineMeetings|AppCatalog|TeamsAppInstallation|TeamsTab|TeamsActivity|Sites|Chat|Mail)\.[A-Za-z.]+)'/g)) {
          scopes.add(m[1]!);
        }
      }
    }
  };
  walk(join(root, 'src'));
  return scopes;
}

describe("the README's permissions table", () => {
  const rows = permissionRows();
  const graphRows = rows.filter((r) => r.kind === 'Graph, delegated');

  it('names exactly the Graph scopes the code asks for', () => {
    expect(new Set(graphRows.flatMap((r) => r.permissions))).toEqual(scopesInCode());
  });

  it('links every catalogued operation once, to the page the catalogue cites', () => {
    const linked = graphRows.flatMap((r) => r.operations);
    for (const { name, url } of linked) {
      const operation = GRAPH_OPERATIONS.find((o) => o.name === name);
      expect(operation, `${name} is a catalogue entry`).toBeDefined();
      expect(url).toBe(operation!.doc);
    }
    const needed = GRAPH_OPERATIONS.filter((o) => o.permissions.length > 0).map((o) => o.name);
    expect(linked.map((l) => l.name).sort()).toEqual([...needed].sort());
  });

  it("lists the manifest's resource-specific permissions", () => {
    const rsc = rows.filter((r) => r.kind === 'resource-specific (manifest)').flatMap((r) => r.permissions);
    expect(rsc.sort()).toEqual(RESOURCE_SPECIFIC_PERMISSIONS.map((p) => p.name).sort());
  });
});
