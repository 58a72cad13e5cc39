/**
 * The demo participants' pairing keys (services/programme/person-key.ts), as if each had opened the
 * app once: in a tenant each person's app makes theirs the first time it saves. Then a request or a
 * proposal reaches every participant (a box is sealed only for someone who has a key), and Priya, an
 * owner, reads the pairs.
 *
 * The keys protect nothing real, and every frame of the demo must agree on them without talking, so
 * each is derived from the person's id: the private scalar is SHA-256 of it, imported as PKCS #8
 * (WebCrypto computes the public point), then kept as the app keeps it.
 */
import { toBase64 } from '@/services/crypto/base64';
import type { KeyFile } from '@/services/programme/pair-seal';

/** DER of a PKCS #8 PrivateKeyInfo for an ECDH P-256 key (RFC 5915 ECPrivateKey, no public key), up to the 32-byte scalar. */
const P256_PKCS8_PREFIX = [
  0x30, 0x41, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x27, 0x30, 0x25, 0x02,
  0x01, 0x01, 0x04, 0x20,
];
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The demo key file of one person. */
export async function demoKeyFile(personId: string): Promise<KeyFile> {
  const scalar = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`demo pairing key of ${personId}`)));
  const privateKey = await crypto.subtle.importKey('pkcs8', new Uint8Array([...P256_PKCS8_PREFIX, ...scalar]), CURVE, true, ['deriveBits']);
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as KeyFile['privateKey'];
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, CURVE, true, []);
  return { v: 1, privateKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d }, publicKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))) };
}

/** The key files of these people, by id. */
export async function demoKeyFiles(personIds: Iterable<string>): Promise<Map<string, KeyFile>> {
  const ids = [...new Set(personIds)];
  const files = await Promise.all(ids.map(demoKeyFile));
  return new Map(ids.map((id, i) => [id, files[i]!]));
}
