import { describe, expect, it } from 'vitest';
import { buildOrgModel, isAbove } from '@/domain/org/org-model';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant, type DemoUser } from './demo-tenant';

const tenant = generateDemoTenant();
const members = (users: readonly DemoUser[]) => users.filter((u) => u.accountEnabled && u.userType === 'Member');
const model = (users: readonly DemoUser[]) => buildOrgModel(users.map((u) => ({ id: u.id, displayName: u.displayName, managerId: u.managerId ?? undefined })));

describe('the demo tenant', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    expect(generateDemoTenant()).toEqual(tenant);
    expect(generateDemoTenant({ seed: 7 }).map((u) => u.id)).not.toEqual(tenant.map((u) => u.id));
  });

  it('has the requested number of accounts, with unique ids and sign-in names', () => {
    expect(tenant).toHaveLength(2500);
    expect(new Set(tenant.map((u) => u.id)).size).toBe(2500);
    expect(new Set(tenant.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(2500);
    expect(generateDemoTenant({ size: 10_000 })).toHaveLength(10_000);
  });

  it('contains the demo people, in fitting roles', () => {
    for (const person of DEMO_PEOPLE) {
      const user = tenant.find((u) => u.id === person.id);
      expect(user, person.displayName).toMatchObject({
        displayName: person.displayName,
        jobTitle: person.jobTitle,
        userPrincipalName: person.userPrincipalName,
        accountEnabled: true,
      });
    }
    const org = model(tenant);
    const margaret = org.indexOf.get(DEMO_PEOPLE[0]!.id)!;
    const diego = org.indexOf.get(DEMO_PEOPLE[1]!.id)!;
    expect(org.depth[margaret]).toBe(1);
    expect(org.seniority[margaret]! - org.seniority[diego]!).toBeGreaterThan(2.5);
  });

  it.each([2500, 20_000])('has spans of 3–12 and 6–9 levels at %i people', (size) => {
    const users = generateDemoTenant({ size });
    const org = model(users);
    const ceo = org.indexOf.get(users[0]!.id)!;
    const inMainTree = [...org.people.keys()].filter((i) => isAbove(org, ceo, i));
    const spans = inMainTree.map((i) => org.reportStart[i + 1]! - org.reportStart[i]!).filter((span) => span > 0);
    expect(Math.min(...spans)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...spans)).toBeLessThanOrEqual(12);
    const depths = inMainTree.map((i) => org.depth[i]!);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...depths)).toBeLessThanOrEqual(9);
  });

  it('holds the bad data real directories hold', () => {
    const issues = model(tenant).issues.map((i) => i.kind);
    expect(issues).toContain('cycle');
    expect(issues).toContain('unknown-manager');
    expect(tenant.filter((u) => !u.accountEnabled && u.givenName).length).toBeGreaterThan(10);
    expect(tenant.filter((u) => u.userType === 'Guest').length).toBeGreaterThan(0);
    expect(tenant.some((u) => u.userType === 'Guest' && u.userPrincipalName.includes('#EXT#'))).toBe(true);
    expect(tenant.filter((u) => u.displayName.startsWith('Room ')).every((u) => !u.accountEnabled)).toBe(true);
    expect(tenant.some((u) => u.jobTitle?.includes('<script>'))).toBe(true);
    expect(tenant.some((u) => /\p{Extended_Pictographic}/u.test(u.jobTitle ?? ''))).toBe(true);
    const disabled = new Set(tenant.filter((u) => !u.accountEnabled).map((u) => u.id));
    expect(tenant.some((u) => u.accountEnabled && u.managerId && disabled.has(u.managerId))).toBe(true);
  });

  it('spreads people over offices, cultures and time zones, including half-hour offsets and Sunday–Thursday weeks', () => {
    const people = members(tenant);
    const zones = new Set(people.map((u) => u.mailboxSettings.timeZone));
    expect(zones.size).toBeGreaterThanOrEqual(10);
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('America/St_Johns');
    expect(people.some((u) => u.mailboxSettings.workingHours.daysOfWeek[0] === 'sunday')).toBe(true);
    expect(people.some((u) => /[^ -~]/.test(u.displayName))).toBe(true);
    expect(people.every((u) => /^[a-z0-9.]+@contoso\.(example|onmicrosoft\.com)$/.test(u.userPrincipalName))).toBe(true);
  });

  it('writes each name in one script: Han or kanji names whole, romanised names whole (no "Liu芳" or "李Hao")', () => {
    const cjk = /[\u3000-\u9fff]/;
    const written = members(tenant).filter((u) => cjk.test(u.displayName));
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((u) => /[A-Za-z]/.test(u.displayName)).map((u) => u.displayName)).toEqual([]);
    expect(members(tenant).filter((u) => cjk.test(u.displayName) !== cjk.test(`${u.givenName}${u.surname}`))).toEqual([]);
  });

  it('has people whose user principal name is not a mail address, as real tenants do, with unique mail addresses', () => {
    const people = members(tenant);
    expect(new Set(tenant.map((u) => u.mail?.toLowerCase())).size).toBe(tenant.length);
    expect(people.every((u) => u.mail && u.proxyAddresses.includes(`SMTP:${u.mail}`))).toBe(true);
    const notAddresses = people.filter((u) => u.userPrincipalName !== u.mail && !u.proxyAddresses.some((p) => p.toLowerCase() === `smtp:${u.userPrincipalName.toLowerCase()}`));
    expect(notAddresses.length).toBeGreaterThan(people.length / 10);
    expect(notAddresses.length).toBeLessThan(people.length / 3);
    const aisha = tenant.find((u) => u.id === DEMO_PEOPLE[2]!.id)!;
    expect(aisha).toMatchObject({ userPrincipalName: 'a.bello@contoso.onmicrosoft.com', mail: 'aisha.bello@contoso.example' });
    expect(notAddresses).toContain(aisha);
  });

  it('gives job titles that fit the level and hire dates before the reference date', () => {
    const ceo = tenant[0]!;
    expect(ceo.jobTitle).toBe('Chief Executive Officer');
    expect(tenant.filter((u) => u.jobTitle?.startsWith('Director,')).length).toBeGreaterThan(5);
    for (const user of members(tenant)) {
      expect(user.employeeHireDate! < '2026-01-01').toBe(true);
    }
  });

  // How fast it is belongs to `npm run bench:org`, not to a test: this machine is shared.
  it('generates large tenants with unique ids', () => {
    const tenant = generateDemoTenant({ size: 20_000 });
    expect(tenant).toHaveLength(20_000);
    expect(new Set(tenant.map((u) => u.id)).size).toBe(20_000);
  });
});
