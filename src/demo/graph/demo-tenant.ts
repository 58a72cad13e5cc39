/**
 * The demo tenant: a deterministic, realistic organisation for the fake Graph, the demo and the
 * benchmarks. Same seed and size, same people. Pure: no clock, no I/O.
 *
 * Shape: one chief executive, divisions led by the C-suite, spans of control of 3–12, 6–9 levels,
 * people mostly in their manager's office, offices in many countries and time zones (half-hour
 * offsets and Sunday–Thursday weeks included), names from many cultures, job titles that fit the
 * level, hire dates, working hours. And the data real directories have: a manager cycle, missing
 * managers, disabled accounts, guests, room mailboxes, HTML and emoji in job titles.
 */
import { hashText, seededRandom } from '@/domain/random/seeded-random';
import { DEMO_PEOPLE } from '@/demo/demo-people';

/** A user as Graph returns it (the properties the app reads), plus the manager's id. */
export interface DemoUser {
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  /** Addresses Exchange delivers to: `SMTP:` the primary (mail), `smtp:` the others. */
  readonly proxyAddresses: readonly string[];
  readonly businessPhones: readonly string[];
  readonly mobilePhone: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly officeLocation: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly usageLocation: string | null;
  readonly preferredLanguage: string | null;
  readonly accountEnabled: boolean;
  readonly userType: 'Member' | 'Guest';
  readonly employeeHireDate: string | null;
  readonly managerId: string | null;
  readonly mailboxSettings: {
    readonly timeZone: string;
    readonly workingHours: {
      readonly daysOfWeek: readonly string[];
      readonly startTime: string;
      readonly endTime: string;
      readonly timeZone: { readonly name: string };
    };
  };
}

export interface DemoTenantOptions {
  /** Number of people (accounts of every kind); default 2,500. */
  readonly size?: number;
  readonly seed?: number;
  /** The date hire dates count back from (YYYY-MM-DD); fixed so the tenant does not depend on the clock. */
  readonly asOf?: string;
}

export const DEMO_DOMAIN = 'contoso.example';
/**
 * The tenant's initial domain. Every mailbox also has an address there (from its mail nickname);
 * some people sign in with a user principal name there that is not an address at all, as in tenants
 * whose UPNs were set before their mail domain.
 */
export const DEMO_INITIAL_DOMAIN = 'contoso.onmicrosoft.com';

interface Office {
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly usageLocation: string;
  readonly timeZone: string;
  readonly language: string;
  readonly week: 'mon-fri' | 'sun-thu';
  readonly start: string;
  readonly end: string;
  readonly names: NamePool;
}

interface NamePool {
  readonly given: readonly (readonly [display: string, ascii: string])[];
  readonly family: readonly (readonly [display: string, ascii: string])[];
}

const n = (...names: string[]) => names.map((name) => [name, ascii(name)] as const);
const pair = (display: string, latin: string) => [display, latin] as const;

/** Strips diacritics for user principal names. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** Whether a name is written in Chinese or Japanese characters. */
const isCjk = (name: string) => /[\u3000-\u9fff]/.test(name);

/**
 * A given and a family name of one culture, written alike: a name in Han characters or kanji gets
 * a family name in them too, and a romanised one a romanised family name (never "Liu芳" or "李Hao").
 * Two draws, as before, so everyone else in a seeded tenant stays who they were.
 */
function namePair<T extends readonly [display: string, ascii: string]>(
  names: { readonly given: readonly T[]; readonly family: readonly T[] },
  pick: <U>(list: readonly U[]) => U,
): readonly [T, T] {
  const given = pick(names.given);
  return [given, pick(names.family.filter((f) => isCjk(f[0]) === isCjk(given[0])))];
}

const NAMES = {
  nordic: {
    given: n('Astrid', 'Lars', 'Ingrid', 'Mikael', 'Sofia', 'Björn', 'Maja', 'Erik', 'Freja', 'Oskar'),
    family: n('Lindqvist', 'Andersson', 'Johansson', 'Nyström', 'Berg', 'Dahl', 'Sørensen', 'Holm'),
  },
  british: {
    given: n('Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Poppy', 'Jack', 'Ella', 'Rhys', 'Siobhan'),
    family: n('Smith', 'Jones', 'Taylor', 'Brown', 'Evans', 'Walsh', 'Patel', 'Khan', 'Murphy', 'Davies'),
  },
  nigerian: {
    given: n('Chinedu', 'Aisha', 'Oluwaseun', 'Ngozi', 'Emeka', 'Funmilayo', 'Ibrahim', 'Zainab', 'Tunde', 'Adaeze'),
    family: n('Okafor', 'Bello', 'Adeyemi', 'Eze', 'Abubakar', 'Okonkwo', 'Balogun', 'Nwosu'),
  },
  indian: {
    given: n('Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Meera', 'Siddharth', 'Lakshmi', 'Aditya'),
    family: n('Raman', 'Sharma', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Menon', 'Krishnan'),
  },
  chinese: {
    given: [pair('伟', 'wei'), pair('芳', 'fang'), ...n('Mei', 'Jun', 'Li Na', 'Hao', 'Xin', 'Yu')],
    family: [pair('王', 'wang'), pair('李', 'li'), pair('张', 'zhang'), pair('陈', 'chen'), ...n('Chen', 'Zhang', 'Liu', 'Tan', 'Lim', 'Ng')],
  },
  japanese: {
    given: [pair('陽翔', 'haruto'), ...n('Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Kenji')],
    family: [pair('佐藤', 'sato'), pair('鈴木', 'suzuki'), pair('高橋', 'takahashi'), ...n('Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito')],
  },
  australian: { given: n('Charlotte', 'Lachlan', 'Mia', 'Cooper', 'Matilda', 'Jarrah', 'Zoe', 'Liam'), family: n('Wilson', 'Nguyen', 'Kelly', 'Martin', "O'Brien", 'Thompson') },
  american: {
    given: n('James', 'Olivia', 'Mateo', 'Emma', 'Jamal', 'Ava', 'Ethan', 'Keisha', 'Noah', 'Grace'),
    family: n('Johnson', 'Williams', 'Garcia', 'Miller', 'Washington', 'Kim', 'Rodriguez', 'Lee'),
  },
  mexican: {
    given: n('Diego', 'Valentina', 'Santiago', 'Ximena', 'Emiliano', 'Camila', 'Leonardo', 'Regina'),
    family: n('Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Ramírez', 'Flores'),
  },
  brazilian: { given: n('João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Júlia', 'Gabriel', 'Larissa'), family: n('Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Ferreira', 'Almeida') },
  israeli: { given: n('Noa', 'Itai', 'Yael', 'Omer', 'Tamar', 'Eitan', 'Shira'), family: n('Cohen', 'Levi', 'Mizrahi', 'Friedman', 'Shapiro', 'Peretz') },
  arabic: { given: n('Omar', 'Fatimah', 'Khalid', 'Noura', 'Faisal', 'Layla', 'Yousef', 'Reem'), family: n('Al-Saud', 'Al-Harbi', 'Al-Qahtani', 'Haddad', 'Nasser', 'Al-Mutairi') },
  canadian: { given: n('Liam', 'Chloé', 'Owen', 'Aurora', 'Mathis', 'Hannah'), family: n('Tremblay', 'Roy', 'MacDonald', 'Gagnon', 'Power', 'Walsh') },
} satisfies Record<string, NamePool>;

const office = (
  name: string,
  city: string,
  country: string,
  usageLocation: string,
  timeZone: string,
  language: string,
  names: NamePool,
  hours: { week?: 'mon-fri' | 'sun-thu'; start?: string; end?: string } = {},
): Office => ({
  name,
  city,
  country,
  usageLocation,
  timeZone,
  language,
  names,
  week: hours.week ?? 'mon-fri',
  start: hours.start ?? '09:00:00.0000000',
  end: hours.end ?? '17:30:00.0000000',
});

/** Offices, the head office first. Time zones include half-hour offsets and Sunday–Thursday weeks. */
const OFFICES: readonly Office[] = [
  office('London HQ', 'London', 'United Kingdom', 'GB', 'Europe/London', 'en-GB', NAMES.british),
  office('Stockholm', 'Stockholm', 'Sweden', 'SE', 'Europe/Stockholm', 'sv-SE', NAMES.nordic, { start: '08:00:00.0000000', end: '16:30:00.0000000' }),
  office('Lagos', 'Lagos', 'Nigeria', 'NG', 'Africa/Lagos', 'en-NG', NAMES.nigerian),
  office('Bengaluru', 'Bengaluru', 'India', 'IN', 'Asia/Kolkata', 'en-IN', NAMES.indian, { start: '09:30:00.0000000', end: '18:00:00.0000000' }),
  office('Singapore', 'Singapore', 'Singapore', 'SG', 'Asia/Singapore', 'en-SG', NAMES.chinese),
  office('Tokyo', 'Tokyo', 'Japan', 'JP', 'Asia/Tokyo', 'ja-JP', NAMES.japanese),
  office('Sydney', 'Sydney', 'Australia', 'AU', 'Australia/Sydney', 'en-AU', NAMES.australian, { start: '08:30:00.0000000', end: '17:00:00.0000000' }),
  office('Adelaide', 'Adelaide', 'Australia', 'AU', 'Australia/Adelaide', 'en-AU', NAMES.australian),
  office('New York', 'New York', 'United States', 'US', 'America/New_York', 'en-US', NAMES.american),
  office("St. John's", "St. John's", 'Canada', 'CA', 'America/St_Johns', 'en-CA', NAMES.canadian),
  office('Mexico City', 'Mexico City', 'Mexico', 'MX', 'America/Mexico_City', 'es-MX', NAMES.mexican),
  office('São Paulo', 'São Paulo', 'Brazil', 'BR', 'America/Sao_Paulo', 'pt-BR', NAMES.brazilian),
  office('Tel Aviv', 'Tel Aviv', 'Israel', 'IL', 'Asia/Jerusalem', 'he-IL', NAMES.israeli, { week: 'sun-thu' }),
  office('Riyadh', 'Riyadh', 'Saudi Arabia', 'SA', 'Asia/Riyadh', 'ar-SA', NAMES.arabic, { week: 'sun-thu', start: '08:00:00.0000000', end: '16:00:00.0000000' }),
];

const WEEKS = {
  'mon-fri': ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  'sun-thu': ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'],
} as const;

interface Division {
  readonly department: string;
  readonly chief: string;
  readonly titles: { readonly senior: string; readonly mid: string; readonly junior: string; readonly entry: string };
}

const DIVISIONS: readonly Division[] = [
  { department: 'Finance', chief: 'Chief Financial Officer', titles: { senior: 'Senior Financial Analyst', mid: 'Financial Analyst', junior: 'Accountant', entry: 'Finance Graduate' } },
  {
    department: 'Engineering',
    chief: 'Chief Technology Officer',
    titles: { senior: 'Principal Engineer', mid: 'Senior Software Engineer', junior: 'Software Engineer', entry: 'Graduate Software Engineer' },
  },
  { department: 'Marketing', chief: 'Chief Marketing Officer', titles: { senior: 'Brand Lead', mid: 'Marketing Manager', junior: 'Content Designer', entry: 'Social Media Associate' } },
  {
    department: 'Sales',
    chief: 'Chief Revenue Officer',
    titles: { senior: 'Key Account Director', mid: 'Account Executive', junior: 'Sales Representative', entry: 'Sales Development Representative' },
  },
  {
    department: 'Operations',
    chief: 'Chief Operating Officer',
    titles: { senior: 'Operations Lead', mid: 'Operations Analyst', junior: 'Logistics Coordinator', entry: 'Operations Apprentice' },
  },
  { department: 'People', chief: 'Chief People Officer', titles: { senior: 'Senior HR Business Partner', mid: 'HR Business Partner', junior: 'People Advisor', entry: 'HR Apprentice' } },
  {
    department: 'Product',
    chief: 'Chief Product Officer',
    titles: { senior: 'Principal Product Manager', mid: 'Product Manager', junior: 'Product Designer', entry: 'Associate Product Manager' },
  },
  { department: 'Legal', chief: 'General Counsel', titles: { senior: 'Senior Counsel', mid: 'Counsel', junior: 'Paralegal', entry: 'Legal Trainee' } },
];

/** Job titles as they appear in real directories: markup pasted from somewhere, emoji, stray spaces. */
const ODD_TITLES = [
  '<b>Head</b> of Vibes 🎉',
  'Growth Hacker 🚀',
  'Engineer <script>alert("hi")</script>',
  'Chief Happiness Officer <img src=x onerror=alert(1)>',
  '  Data   Wrangler  ',
  'Ninja 🥷 & "Rockstar"',
];

interface Draft {
  id: string;
  managerIndex: number;
  depth: number;
  division: number;
  office: Office;
  reports: number;
  title: string | null;
  kind: 'member' | 'guest' | 'room' | 'disabled';
  brokenManager?: 'missing' | 'none';
  persona?: (typeof DEMO_PEOPLE)[number];
}

/** Builds the demo tenant. */
export function generateDemoTenant(options: DemoTenantOptions = {}): DemoUser[] {
  const size = Math.max(options.size ?? 2500, 60);
  const next = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const guid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    return `${hex.slice(0, 8).join('')}-${hex.slice(8, 12).join('')}-${hex.slice(12, 16).join('')}-${hex.slice(16, 20).join('')}-${hex.slice(20).join('')}`;
  };

  const rooms = Math.max(2, Math.round(size * 0.005));
  const guests = Math.max(2, Math.round(size * 0.01));
  const broken = 5; // three people in a manager cycle, one with an unknown manager, one with none
  const members = size - rooms - guests - broken;
  const maxDepth = 6 + Math.min(3, Math.floor(Math.log10(members / 250) * 1.5));

  const [margaret, diego, aisha, priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], ...(typeof DEMO_PEOPLE)[number][]];
  const drafts: Draft[] = [];
  const add = (draft: Omit<Draft, 'reports' | 'id'> & { id?: string }) => {
    drafts.push({ reports: 0, ...draft, id: draft.id ?? guid() });
    if (draft.managerIndex >= 0) drafts[draft.managerIndex]!.reports++;
    return drafts.length - 1;
  };

  // The top: a chief executive in London and a C-suite member for each division.
  const ceo = add({ managerIndex: -1, depth: 0, division: -1, office: OFFICES[0]!, title: 'Chief Executive Officer', kind: 'member' });
  const chiefs = DIVISIONS.map((division, d) =>
    add({
      managerIndex: ceo,
      depth: 1,
      division: d,
      office: d === 0 ? OFFICES[1]! : pick(OFFICES),
      title: division.chief,
      kind: 'member',
      ...(d === 0 ? { id: margaret.id, persona: margaret } : {}),
    }),
  );

  // Grow downwards: pick an open manager at random, give them 3–12 reports, some of whom manage.
  const open = [...chiefs];
  while (drafts.length < members && open.length > 0) {
    const slot = Math.floor(next() * open.length);
    const m = open[slot]!;
    open[slot] = open[open.length - 1]!;
    open.pop();
    const manager = drafts[m]!;
    const span = Math.min(between(3, 12), members - drafts.length);
    for (let k = 0; k < span; k++) {
      const depth = manager.depth + 1;
      const r = add({
        managerIndex: m,
        depth,
        division: manager.division,
        office: next() < 0.75 ? manager.office : pick(OFFICES),
        title: null,
        kind: 'member',
      });
      // Fewer managers further down; the deepest level is all individual contributors.
      const managesOdds = depth >= maxDepth ? 0 : depth <= 2 ? 0.9 : 0.42 - depth * 0.02;
      if (next() < managesOdds) open.push(r);
    }
    // Keep growing until the size is reached, even if every open manager was used up.
    if (open.length === 0 && drafts.length < members) {
      const candidates = drafts.map((d, i) => (d.depth < maxDepth && d.reports === 0 && d.depth > 0 ? i : -1)).filter((i) => i >= 0);
      if (candidates.length > 0) open.push(pick(candidates));
    }
  }
  // Spans of 1–2 (from the last partial team) join a sibling team so every team has 3–12.
  for (const draft of drafts) {
    if (draft.reports > 0 && draft.reports < 3) {
      const stray = drafts.map((d, i) => ({ d, i })).filter(({ d }) => drafts[d.managerIndex] === draft);
      const adopter = drafts.find((d) => d !== draft && d.depth === draft.depth && d.reports >= 3 && d.reports + stray.length <= 12);
      if (adopter) {
        const adopterIndex = drafts.indexOf(adopter);
        for (const { d } of stray) {
          d.managerIndex = adopterIndex;
          adopter.reports++;
        }
        draft.reports = 0;
      }
    }
  }

  // Personas at fitting places: Priya leads L&D in People, Diego and Aisha are early-career.
  const find = (division: number, manager: boolean) => {
    const fits = (d: Draft) => !d.persona && d.division === division && (manager ? d.reports >= 3 : d.reports === 0);
    let best = -1;
    drafts.forEach((d, i) => {
      if (fits(d) && (best === -1 || (manager ? Math.abs(d.depth - 3) < Math.abs(drafts[best]!.depth - 3) : d.depth > drafts[best]!.depth))) best = i;
    });
    return best;
  };
  const place = (index: number, persona: (typeof DEMO_PEOPLE)[number], officeName: string) => {
    const draft = drafts[index]!;
    draft.id = persona.id;
    draft.persona = persona;
    draft.office = OFFICES.find((o) => o.name === officeName)!;
  };
  place(find(5, true), priya!, 'Bengaluru');
  place(find(1, false), diego!, 'Mexico City');
  place(find(2, false), aisha!, 'Lagos');

  // What real directories contain: disabled accounts (one of them a manager), odd job titles,
  // a manager cycle, a manager who does not exist, a missing manager, guests and room mailboxes.
  const individuals = drafts.filter((d) => d.reports === 0 && !d.persona && d.depth > 0);
  for (const d of individuals) if (next() < 0.02) d.kind = 'disabled';
  const disabledManager = drafts.find((d) => d.depth === 3 && d.reports >= 3 && !d.persona);
  if (disabledManager) disabledManager.kind = 'disabled';
  ODD_TITLES.forEach((title, k) => (individuals[(k * 97 + 11) % individuals.length]!.title = title));
  const cycleStart = drafts.length;
  for (let k = 0; k < 3; k++) {
    add({ managerIndex: -1, depth: 5, division: 4, office: OFFICES[0]!, title: null, kind: 'member' });
  }
  for (let k = 0; k < 3; k++) drafts[cycleStart + k]!.managerIndex = cycleStart + ((k + 1) % 3);
  add({ managerIndex: -1, depth: 4, division: 3, office: pick(OFFICES), title: null, kind: 'member', brokenManager: 'missing' });
  add({ managerIndex: -1, depth: 4, division: 6, office: pick(OFFICES), title: null, kind: 'member', brokenManager: 'none' });
  for (let g = 0; g < guests; g++) add({ managerIndex: -1, depth: 0, division: between(0, DIVISIONS.length - 1), office: pick(OFFICES), title: 'Consultant', kind: 'guest' });
  for (let r = 0; r < rooms; r++) add({ managerIndex: -1, depth: 0, division: -1, office: OFFICES[r % OFFICES.length]!, title: null, kind: 'room' });

  // Size of each person's organisation (themselves included), for titles.
  const orgSize = new Int32Array(drafts.length).fill(1);
  const byDepth = drafts.map((_, i) => i).sort((a, b) => drafts[b]!.depth - drafts[a]!.depth);
  for (const i of byDepth) {
    const m = drafts[i]!.managerIndex;
    if (m >= 0 && drafts[i]!.kind !== 'guest' && drafts[i]!.kind !== 'room') orgSize[m]! += orgSize[i]!;
  }

  const asOf = Date.parse(`${options.asOf ?? '2026-01-01'}T00:00:00Z`);
  // Generated people whose names match a demo person's get a numbered mail name.
  const usedNames = new Map<string, number>(DEMO_PEOPLE.map((p) => [nameKey(p.displayName), 1]));
  // Short sign-in names (initial.family) in the initial domain, numbered likewise.
  const usedShort = new Map<string, number>(DEMO_PEOPLE.filter((p) => p.userPrincipalName!.endsWith(`@${DEMO_INITIAL_DOMAIN}`)).map((p) => [p.userPrincipalName!.split('@')[0]!, 1]));
  const shortName = (given: string, family: string) => {
    const base = `${given.slice(0, 1)}.${family}`;
    const seen = usedShort.get(base) ?? 0;
    usedShort.set(base, seen + 1);
    return seen === 0 ? base : `${base}${seen + 1}`;
  };
  return drafts.map((draft, index) => {
    const division = DIVISIONS[draft.division];
    const workingHours = {
      daysOfWeek: WEEKS[draft.office.week],
      startTime: draft.office.start,
      endTime: draft.office.end,
      timeZone: { name: draft.office.timeZone },
    };
    const mailboxSettings = { timeZone: draft.office.timeZone, workingHours };
    if (draft.kind === 'room') {
      const name = `Room ${1 + (index % 9)}.${10 + (index % 30)} (${draft.office.city})`;
      return {
        id: draft.id,
        displayName: name,
        givenName: null,
        surname: null,
        userPrincipalName: `room-${index}@${DEMO_DOMAIN}`,
        mail: `room-${index}@${DEMO_DOMAIN}`,
        proxyAddresses: [`SMTP:room-${index}@${DEMO_DOMAIN}`, `smtp:room-${index}@${DEMO_INITIAL_DOMAIN}`],
        businessPhones: [],
        mobilePhone: null,
        jobTitle: null,
        department: null,
        officeLocation: draft.office.name,
        city: draft.office.city,
        country: draft.office.country,
        usageLocation: draft.office.usageLocation,
        preferredLanguage: null,
        accountEnabled: false,
        userType: 'Member',
        employeeHireDate: null,
        managerId: null,
        mailboxSettings,
      } satisfies DemoUser;
    }

    const persona = draft.persona;
    const [given, family] = persona
      ? [
          [persona.displayName.split(' ')[0]!, ascii(persona.displayName.split(' ')[0]!)] as const,
          [persona.displayName.split(' ').slice(1).join(' '), ascii(persona.displayName.split(' ').slice(1).join(' '))] as const,
        ]
      : namePair(draft.office.names, pick);
    const cjk = isCjk(given[0] + family[0]);
    const displayName = cjk ? `${family[0]}${given[0]}` : `${given[0]} ${family[0]}`;
    const base = `${given[1]}.${family[1]}`;
    const seen = usedNames.get(base) ?? 0;
    usedNames.set(base, seen + 1);
    // A demo person's mail name is their plain name; another with the same name gets a number.
    const localPart = seen === 0 || persona ? base : `${base}${seen + 1}`;
    const guest = draft.kind === 'guest';
    const mail = guest ? `${localPart}@partner.example` : `${localPart}@${DEMO_DOMAIN}`;
    // About one member in five signs in with a short name in the initial domain that is not a mail
    // address (chosen by id, so the seeded draws and everything else stay as they were).
    const shortUpn = !guest && !persona && hashText(draft.id) % 5 === 0;
    const upn = persona?.userPrincipalName ?? (guest ? `${localPart}_partner.example#EXT#@${DEMO_DOMAIN}` : shortUpn ? `${shortName(given[1], family[1])}@${DEMO_INITIAL_DOMAIN}` : mail);
    // Deeper and more recently hired people are more junior.
    const years = draft.depth <= 1 ? between(6, 20) : draft.reports > 0 ? between(2, 12) : between(0, 6);
    const hired = new Date(asOf - years * 365.25 * 86_400_000 - between(1, 365) * 86_400_000);
    return {
      id: draft.id,
      displayName,
      givenName: given[0],
      surname: family[0],
      userPrincipalName: upn,
      mail,
      proxyAddresses: guest ? [`SMTP:${mail}`] : [`SMTP:${mail}`, `smtp:${localPart}@${DEMO_INITIAL_DOMAIN}`],
      businessPhones: [],
      mobilePhone: null,
      jobTitle: persona?.jobTitle ?? draft.title ?? titleFor(draft, division, years, orgSize[index]!, pick),
      department: division?.department ?? null,
      officeLocation: draft.office.name,
      city: draft.office.city,
      country: draft.office.country,
      usageLocation: draft.office.usageLocation,
      preferredLanguage: draft.office.language,
      accountEnabled: draft.kind !== 'disabled',
      userType: draft.kind === 'guest' ? 'Guest' : 'Member',
      employeeHireDate: draft.kind === 'guest' ? null : `${hired.toISOString().slice(0, 10)}T00:00:00Z`,
      managerId:
        draft.brokenManager === 'missing' ? '00000000-dead-4000-8000-000000000000' : draft.brokenManager === 'none' || draft.managerIndex < 0 ? null : drafts[draft.managerIndex]!.id,
      mailboxSettings,
    } satisfies DemoUser;
  });
}

/** The plain mail name of a display name: given.family, without diacritics. */
function nameKey(displayName: string): string {
  const [given = '', ...family] = displayName.split(' ');
  return `${ascii(given)}.${ascii(family.join(' '))}`;
}

/** Managers' titles follow the size of what they lead, as in real organisations; others' their tenure. */
function titleFor(draft: Draft, division: Division | undefined, years: number, orgSize: number, pick: <T>(items: readonly T[]) => T): string {
  if (!division) return 'Consultant';
  const area = division.department;
  if (draft.reports > 0) {
    if (orgSize >= 120) return pick([`SVP, ${area}`, `Vice President, ${area}`]);
    if (orgSize >= 35) return `Director, ${area}`;
    if (orgSize >= 12) return `Senior Manager, ${area}`;
    return `${area} Team Lead`;
  }
  const t = division.titles;
  if (years >= 5) return t.senior;
  if (years >= 3) return t.mid;
  if (years >= 1) return t.junior;
  return t.entry;
}
