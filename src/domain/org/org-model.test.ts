import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrgModel, chainOfCommand, directReports, inChainOfCommand, isAbove, type OrgModel, type PersonRecord } from './org-model';

const person = (id: string, managerId?: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id,
  displayName: id,
  managerId,
  ...extra,
});

const at = (model: OrgModel, id: string) => model.indexOf.get(id)!;

/** ceo → cfo → (fin1, fin2 → acct), ceo → cto → dev */
const small = [person('ceo'), person('cfo', 'ceo'), person('fin1', 'cfo'), person('fin2', 'cfo'), person('acct', 'fin2'), person('cto', 'ceo'), person('dev', 'cto')];

describe('buildOrgModel on clean data', () => {
  const model = buildOrgModel(small);

  it('finds the root, depths and organisation sizes', () => {
    expect(model.roots.map((r) => model.people[r]!.id)).toEqual(['ceo']);
    expect(model.depth[at(model, 'acct')]).toBe(3);
    expect(model.organisationSize[at(model, 'ceo')]).toBe(7);
    expect(model.organisationSize[at(model, 'cfo')]).toBe(4);
    expect(model.organisationSize[at(model, 'dev')]).toBe(1);
    expect(model.issues).toEqual([]);
  });

  it('answers chain-of-command questions both ways', () => {
    expect(chainOfCommand(model, 'acct')).toEqual(['fin2', 'cfo', 'ceo']);
    expect(inChainOfCommand(model, 'acct', 'cfo')).toBe(true);
    expect(inChainOfCommand(model, 'cfo', 'acct')).toBe(true);
    expect(inChainOfCommand(model, 'acct', 'cto')).toBe(false);
    expect(inChainOfCommand(model, 'fin1', 'fin2')).toBe(false);
    expect(directReports(model, 'cfo')).toEqual(['fin1', 'fin2']);
  });

  it('throws a clear error for an unknown person', () => {
    expect(() => chainOfCommand(model, 'nobody')).toThrow('No person with id nobody');
  });
});

describe('buildOrgModel on bad data', () => {
  it('breaks a manager cycle at its smallest id and says who was on it', () => {
    const model = buildOrgModel([person('c', 'a'), person('a', 'b'), person('b', 'c'), person('d', 'b')]);
    expect(model.issues).toEqual([{ kind: 'cycle', ids: ['c', 'a', 'b'], brokenAt: 'a' }]);
    expect(model.roots.map((r) => model.people[r]!.id)).toEqual(['a']);
    expect(chainOfCommand(model, 'd')).toEqual(['b', 'c', 'a']);
  });

  it('makes a root of someone who manages themselves', () => {
    const model = buildOrgModel([person('a', 'a'), person('b', 'a')]);
    expect(model.issues).toEqual([{ kind: 'self-manager', id: 'a' }]);
    expect(model.depth[at(model, 'b')]).toBe(1);
  });

  it('makes a root of someone whose manager is unknown (e.g. disabled and not loaded)', () => {
    const model = buildOrgModel([person('ceo'), person('vp', 'gone'), person('ic', 'vp')]);
    expect(model.issues).toEqual([{ kind: 'unknown-manager', id: 'vp', managerId: 'gone' }]);
    expect(model.roots).toHaveLength(2);
    expect(chainOfCommand(model, 'ic')).toEqual(['vp']);
  });

  it('keeps the first of repeated ids', () => {
    const model = buildOrgModel([person('a'), person('b', 'a'), person('b', 'zzz')]);
    expect(model.people).toHaveLength(2);
    expect(model.issues).toEqual([{ kind: 'duplicate-id', id: 'b' }]);
    expect(model.manager[at(model, 'b')]).toBe(at(model, 'a'));
  });

  it('treats an empty manager id as none', () => {
    expect(buildOrgModel([person('a', '')]).issues).toEqual([]);
  });

  it('survives a 10,000-level chain without overflowing the stack', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => person(`p${i}`, i === 0 ? undefined : `p${i - 1}`));
    const model = buildOrgModel(chain.reverse());
    expect(model.depth[at(model, 'p9999')]).toBe(9999);
    expect(model.organisationSize[at(model, 'p0')]).toBe(10_000);
    expect(chainOfCommand(model, 'p9999')).toHaveLength(9999);
    expect(inChainOfCommand(model, 'p0', 'p9999')).toBe(true);
  });

  it('survives a 10,000-person cycle', () => {
    const ring = Array.from({ length: 10_000 }, (_, i) => person(`p${String(i).padStart(5, '0')}`, `p${String((i + 1) % 10_000).padStart(5, '0')}`));
    const model = buildOrgModel(ring);
    expect(model.issues).toHaveLength(1);
    expect(model.issues[0]).toMatchObject({ kind: 'cycle', brokenAt: 'p00000' });
    expect(Math.max(...model.depth)).toBe(9999);
  });

  it('is empty for no people', () => {
    const model = buildOrgModel([]);
    expect(model.roots).toEqual([]);
    expect(model.typicalSpan).toBe(2);
  });
});

/** Random directories: people whose manager is random (cycles, self-links, unknowns and repeats included). */
const directories = fc
  .array(
    fc.record({
      id: fc.integer({ min: 0, max: 60 }),
      manager: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
    }),
    { maxLength: 80 },
  )
  .map((rows) => rows.map((r) => person(`u${r.id}`, r.manager === undefined ? undefined : `u${r.manager}`)));

describe('buildOrgModel invariants on any directory', () => {
  it('yields a forest whose depths, sizes and ancestry agree with the manager links', () => {
    fc.assert(
      fc.property(directories, (records) => {
        const model = buildOrgModel(records);
        const n = model.people.length;
        expect(n).toBe(new Set(records.map((r) => r.id)).size);
        for (let i = 0; i < n; i++) {
          const m = model.manager[i]!;
          expect(model.depth[i]).toBe(m === -1 ? 0 : model.depth[m]! + 1);
          let reports = 0;
          for (let k = model.reportStart[i]!; k < model.reportStart[i + 1]!; k++) reports += model.organisationSize[model.reportList[k]!]!;
          expect(model.organisationSize[i]).toBe(1 + reports);
          // Ancestry by pre-order intervals matches walking up the chain.
          const above = new Set<number>([i]);
          for (let up = m; up !== -1; up = model.manager[up]!) above.add(up);
          for (let j = 0; j < n; j++) expect(isAbove(model, j, i)).toBe(above.has(j));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('drops a link only where it reports why', () => {
    fc.assert(
      fc.property(directories, (records) => {
        const model = buildOrgModel(records);
        const explained = new Set(model.issues.flatMap((issue) => (issue.kind === 'cycle' ? [issue.brokenAt] : issue.kind === 'duplicate-id' ? [] : [issue.id])));
        model.people.forEach((p, i) => {
          const lost = p.managerId !== undefined && model.manager[i] === -1;
          expect(lost).toBe(explained.has(p.id));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('seniority', () => {
  /** A full tree of the given span and depth below `rootId`. */
  function tree(rootId: string, managerId: string | undefined, span: number, levels: number): PersonRecord[] {
    const rows = [person(rootId, managerId)];
    let frontier = [rootId];
    for (let level = 0; level < levels; level++) {
      const next: string[] = [];
      for (const parent of frontier) {
        for (let k = 0; k < span; k++) {
          const id = `${parent}.${k}`;
          rows.push(person(id, parent));
          next.push(id);
        }
      }
      frontier = next;
    }
    return rows;
  }

  it('reads as levels above the front line, with individual contributors at 0', () => {
    const model = buildOrgModel(tree('ceo', undefined, 5, 4));
    expect(model.typicalSpan).toBe(5);
    expect(model.seniority[at(model, 'ceo.0.0.0.0')]).toBe(0);
    expect(model.seniority[at(model, 'ceo.0.0.0')]).toBeCloseTo(Math.log(6) / Math.log(5), 5);
    expect(model.seniority[at(model, 'ceo')]).toBeGreaterThan(model.seniority[at(model, 'ceo.0')]! + 0.9);
  });

  it('puts individual contributors level with each other in flat and deep branches', () => {
    const records = [person('ceo'), ...tree('sales', 'ceo', 12, 1), ...tree('eng', 'ceo', 4, 4)];
    const model = buildOrgModel(records);
    const salesRep = model.seniority[at(model, 'sales.3')]!;
    const engineer = model.seniority[at(model, 'eng.1.1.1.1')]!;
    expect(engineer).toBe(0);
    expect(Math.abs(salesRep - engineer)).toBeLessThan(0.5);
    expect(model.depth[at(model, 'eng.1.1.1.1')]! - model.depth[at(model, 'sales.3')]!).toBe(3);
  });

  it('does not mistake a branch cut off from the top for the top', () => {
    const records = [...tree('ceo', undefined, 6, 4), ...tree('orphan', 'disabled-manager', 6, 1)];
    const model = buildOrgModel(records);
    expect(model.depth[at(model, 'orphan')]).toBe(0);
    expect(model.seniority[at(model, 'orphan')]).toBeLessThan(model.seniority[at(model, 'ceo.0.0')]! + 0.01);
  });

  it('keeps an executive’s small team senior', () => {
    const records = [...tree('ceo', undefined, 6, 4), person('chief-of-staff', 'ceo')];
    const model = buildOrgModel(records);
    expect(model.seniority[at(model, 'chief-of-staff')]).toBeCloseTo(model.seniority[at(model, 'ceo')]! - 2, 5);
  });
});
