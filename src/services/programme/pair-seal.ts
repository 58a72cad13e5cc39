/**
 * Pair records sealed to those who need them. A person's participant entry is read by everyone in
 * the programme, but whom they asked, accepted or declined, the series they booked and the times they
 * proposed concern one partner each: each partner's records are sealed in a box that only the person,
 * that partner and the programme owners can open (the owners run rounds, which need past pairs).
 *
 * Each person has an ECDH P-256 key pair (kept in their own OneDrive app folder: person-key.ts) and
 * publishes its public half in their entry. A box is a random AES-GCM 256 content key encrypting the
 * records, wrapped (AES-KW) once for each reader under a key both ends derive on their own: HKDF-SHA-256
 * over the ECDH secret of the writer's private key and the reader's public key (the reader uses their
 * private key and the writer's public key). The ciphertext is bound to the writer (AES-GCM additional
 * data), so a box copied into someone else's entry does not open there. Everything is WebCrypto
 * (`crypto.subtle`); no cryptography is written by hand.
 * https://developer.mozilla.org/docs/Web/API/SubtleCrypto/deriveBits#ecdh
 * https://developer.mozilla.org/docs/Web/API/SubtleCrypto/wrapKey#aes-kw
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const IV_BYTES = 12;
const INFO = new TextEncoder().encode('reverse-mentoring pair records v1');

/** The most readers one box is sealed for: the writer, a partner and the owners (a programme has a few). */
export const MAX_READERS = 64;
/** The most a box's ciphertext may take, in base64 characters (a partner's records are far less). */
export const MAX_SEALED_CHARS = 60_000;
/** Texts are padded to a multiple of this many bytes before sealing, so a box's size does not tell which records it holds. */
const PAD_TO = 512;

/** A box that would not open again (too many readers, or too long): nothing is sealed. */
export class SealTooLargeError extends Error {
  override readonly name = 'SealTooLargeError';
}

/** A public key as published: the raw uncompressed P-256 point (65 bytes), base64 (88 characters). */
export const publicKeySchema = z.string().regex(/^B[A-P][A-Za-z0-9+/]{85}=$/, 'not a P-256 public key in base64');

/** A sealed box as an entry keeps it: the content key wrapped for each reader, the IV and the ciphertext, base64. */
export const sealedBoxSchema = z.object({
  /** A box sealed with a key pair made for it alone ({@link sealForReaders}): its public half. */
  e: publicKeySchema.optional(),
  k: z
    .array(z.string().regex(/^[A-Za-z0-9+/]{54}==$/))
    .min(1)
    .max(MAX_READERS),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
  c: z.string().min(1).max(MAX_SEALED_CHARS),
});
/** One sealed box. */
export type SealedBox = z.infer<typeof sealedBoxSchema>;

/** The private key file a person keeps in their own OneDrive app folder. */
export const keyFileSchema = z.object({
  v: z.literal(1),
  privateKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), d: z.string() }).passthrough(),
  publicKey: publicKeySchema,
});
/** What the key file holds. */
export type KeyFile = z.infer<typeof keyFileSchema>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const boundTo = (writerId: string) => encoder.encode(`pair records of ${writerId}`);

/** A new key pair and the file that keeps it. */
export async function newKeyFile(): Promise<KeyFile> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const privateKey = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as KeyFile['privateKey'];
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  return { v: 1, privateKey, publicKey };
}

/**
 * Seals and opens pair records with one person's key. Keys derived with another person's public key
 * are kept for the life of the seal (one derivation per person, however many boxes).
 */
export class PairSeal {
  private readonly wrapping = new Map<string, Promise<CryptoKey | undefined>>();
  /** What each box opened to (by writer, key and ciphertext): a refresh reads the same boxes again. */
  private readonly opened = new Map<string, Promise<string | undefined>>();

  private constructor(
    private readonly privateKey: CryptoKey,
    /** The person's public key, as published. */
    readonly publicKey: string,
  ) {}

  /** The seal of a key file; throws when the file does not hold a usable key. */
  static async fromFile(file: unknown): Promise<PairSeal> {
    const parsed = keyFileSchema.parse(file);
    const privateKey = await crypto.subtle.importKey('jwk', parsed.privateKey, CURVE, false, ['deriveBits']);
    return new PairSeal(privateKey, parsed.publicKey);
  }

  /** The key wrapping content keys between this person and the holder of `publicKey`; undefined for a key that is not one. */
  private wrappingKey(publicKey: string): Promise<CryptoKey | undefined> {
    let key = this.wrapping.get(publicKey);
    if (!key) {
      key = (async () => {
        try {
          if (!publicKeySchema.safeParse(publicKey).success) return undefined;
          const other = await crypto.subtle.importKey('raw', fromBase64(publicKey), CURVE, false, []);
          const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: other }, this.privateKey, 256);
          const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
          return await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO }, hkdf, { name: 'AES-KW', length: 256 }, false, [
            'wrapKey',
            'unwrapKey',
          ]);
        } catch {
          return undefined;
        }
      })();
      this.wrapping.set(publicKey, key);
    }
    return key;
  }

  /**
   * Seals `text`, written by `writerId` (whose key this is), for the readers' public keys (and the
   * writer, unless `withWriter` is false). Readers whose key is not a P-256 public key are left out.
   */
  async seal(text: string, writerId: string, readers: readonly string[], withWriter = true): Promise<SealedBox> {
    const wanted = new Set(withWriter ? [this.publicKey, ...readers] : readers);
    // What is sealed must open again: within the limits it is read with (sealedBoxSchema).
    if (wanted.size > MAX_READERS) throw new SealTooLargeError(`Too many readers to seal for (${wanted.size}; at most ${MAX_READERS}).`);
    // Padded in bytes, as sealed: characters outside ASCII take more than one, and would show in the size.
    const bytes = encoder.encode(text).length;
    const padded = text + ' '.repeat((PAD_TO - (bytes % PAD_TO)) % PAD_TO);
    const content = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(writerId) }, content, encoder.encode(padded));
    if (Math.ceil(ciphertext.byteLength / 3) * 4 > MAX_SEALED_CHARS) throw new SealTooLargeError('Too much to seal in one box.');
    const wrapped: string[] = [];
    for (const reader of wanted) {
      const key = await this.wrappingKey(reader);
      if (key) wrapped.push(toBase64(new Uint8Array(await crypto.subtle.wrapKey('raw', content, key, 'AES-KW'))));
    }
    return { k: wrapped, iv: toBase64(iv), c: toBase64(new Uint8Array(ciphertext)) };
  }

  /**
   * The text of a box in the entry of `writerId`, whose published key is `writerKey`; undefined when
   * this person is not one of its readers, or the box is damaged, tampered with or copied from
   * another entry.
   */
  open(box: unknown, writerId: string, writerKey: string): Promise<string | undefined> {
    const parsed = sealedBoxSchema.safeParse(box);
    if (!parsed.success) return Promise.resolve(undefined);
    const memo = `${writerId}\n${writerKey}\n${parsed.data.iv}\n${parsed.data.c}\n${parsed.data.k.join(',')}`;
    let text = this.opened.get(memo);
    if (!text) this.opened.set(memo, (text = this.openBox(parsed.data, writerId, writerKey)));
    return text;
  }

  private async openBox(box: SealedBox, writerId: string, writerKey: string): Promise<string | undefined> {
    const key = await this.wrappingKey(writerKey);
    if (!key) return undefined;
    for (const wrapped of box.k) {
      let content: CryptoKey;
      try {
        content = await crypto.subtle.unwrapKey('raw', fromBase64(wrapped), key, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
      } catch {
        // Wrapped for another reader: AES-KW's integrity check fails.
        continue;
      }
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: boundTo(writerId) }, content, fromBase64(box.c));
        // The padding added when sealing (the texts are JSON, where trailing spaces mean nothing).
        return decoder.decode(plain).trimEnd();
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

/**
 * Seals `text` for the readers' keys alone, with a key pair made for this box only (its public half
 * goes in the box as `e`), so readers need no key of the writer's: for entries the list's authorship
 * already vouches for (an owner's proposal, a person's answer). `boundTo` names what the box is (its
 * entry and writer): a box copied to another entry does not open there ({@link openSealed}).
 */
export async function sealForReaders(text: string, boundTo: string, readers: readonly string[]): Promise<SealedBox> {
  const once = await PairSeal.fromFile(await newKeyFile());
  return { ...(await once.seal(text, boundTo, readers, false)), e: once.publicKey };
}

/** The text of a box made by {@link sealForReaders} for what `boundTo` names; undefined when this seal is not one of its readers. */
export function openSealed(seal: PairSeal | undefined, box: unknown, boundTo: string): Promise<string | undefined> {
  const parsed = sealedBoxSchema.safeParse(box);
  if (!seal || !parsed.success || !parsed.data.e) return Promise.resolve(undefined);
  return seal.open(parsed.data, boundTo, parsed.data.e);
}
