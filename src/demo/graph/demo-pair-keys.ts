/**
 * The demo people's pairing keys (services/programme/person-key.ts), made once for the fake tenant:
 * they protect nothing real. In a tenant each person's app makes theirs the first time it saves; the
 * demo starts as if Margaret, Diego, Aisha and Priya had each saved their profile with this version,
 * so that a request to a reverse mentor reaches them (a box is sealed only for a partner who has a
 * key) and Priya, an owner, reads the pairs.
 */
import { DEMO_PEOPLE } from '@/demo/demo-people';
import type { KeyFile } from '@/services/programme/pair-seal';
import { PERSON_KEY_FILE } from '@/services/programme/person-key';
import type { FakeGraph } from './fake-graph';

/** Each demo person's key file, by id. */
export const DEMO_PAIR_KEYS: ReadonlyMap<string, KeyFile> = new Map<string, KeyFile>([
  [
    DEMO_PEOPLE[0]!.id,
    {
      v: 1,
      privateKey: {
        kty: 'EC',
        crv: 'P-256',
        x: 'Yb925p17mXNBBPuJGJOgCXEcynwInNsR34LXSTM9Dyg',
        y: '2-8KbttXncqvJEHCj9gqwq2FBRVl7AXI5kwHn-L3cd4',
        d: 'N6jsRGnvlhRqv1u4RUWzbVd0anyfXqg0mNvw4NfIK6A',
      },
      publicKey: 'BGG/duade5lzQQT7iRiToAlxHMp8CJzbEd+C10kzPQ8o2+8KbttXncqvJEHCj9gqwq2FBRVl7AXI5kwHn+L3cd4=',
    },
  ],
  [
    DEMO_PEOPLE[1]!.id,
    {
      v: 1,
      privateKey: {
        kty: 'EC',
        crv: 'P-256',
        x: 'jBEK-wqruQblVDyv1nTBxUv5obgtGcR1adWKPwlCjPU',
        y: 'VE9X2-55hrdHhSnDK3mDBFHMoH-kM_HZgDRsqR7Z9zc',
        d: 'Y783VO0fzFS-DG0oIvqFcMGBUDn0hnzTuvJyap9E9eM',
      },
      publicKey: 'BIwRCvsKq7kG5VQ8r9Z0wcVL+aG4LRnEdWnVij8JQoz1VE9X2+55hrdHhSnDK3mDBFHMoH+kM/HZgDRsqR7Z9zc=',
    },
  ],
  [
    DEMO_PEOPLE[2]!.id,
    {
      v: 1,
      privateKey: {
        kty: 'EC',
        crv: 'P-256',
        x: 'EQ1435wUL2gxQxTc3hFtkcNPw3q9MJIqb0PS_tNG9l0',
        y: 'zwGPUnLKRj-n2VbXVUJ0NDoAGCFmHCE2uXERWpA-aIA',
        d: 'qXuwaVDrZYs3EK2AOr2fbChRl9LjvFsSJ3KVCuJc4h8',
      },
      publicKey: 'BBENeN+cFC9oMUMU3N4RbZHDT8N6vTCSKm9D0v7TRvZdzwGPUnLKRj+n2VbXVUJ0NDoAGCFmHCE2uXERWpA+aIA=',
    },
  ],
  [
    DEMO_PEOPLE[3]!.id,
    {
      v: 1,
      privateKey: {
        kty: 'EC',
        crv: 'P-256',
        x: 'QImJN7hfUSy_DiBDcFPSWaBxXev2hqqBUlYI7bwpGAg',
        y: 'Ijc03OwVVsRdyXlDPNd4QGdxuy2U2E7AoL7jc1Di__I',
        d: 'h_aICAz5Y8L9hnSiYwwKXAtTChjg3opxSgjIKL-3gD4',
      },
      publicKey: 'BECJiTe4X1Esvw4gQ3BT0lmgcV3r9oaqgVJWCO28KRgIIjc03OwVVsRdyXlDPNd4QGdxuy2U2E7AoL7jc1Di//I=',
    },
  ],
]);

/** Puts each demo person's key file in their OneDrive app folder, unless one is there. */
export function seedDemoPairKeys(graph: FakeGraph): void {
  for (const [personId, file] of DEMO_PAIR_KEYS) graph.drives.seedAppFile(personId, PERSON_KEY_FILE, JSON.stringify(file));
}
