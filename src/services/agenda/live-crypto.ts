/**
 * What the pair's clients put in the meeting's Live Share container is sealed with a key only the
 * pair has: anyone in the meeting can join that container, so anyone in the call could otherwise
 * read (and write) what each client publishes there. The key is a random AES-GCM 256 key kept in
 * the pair workspace document, which only the two can open. Everything here is WebCrypto
 * (`crypto.subtle`; a fresh random 96-bit IV from `crypto.getRandomValues` for every value); no
 * cryptography is written by hand. https://developer.mozilla.org/docs/Web/API/SubtleCrypto/encrypt#aes-gcm
 *
 * A sealed value is bound to the slot it is published under (AES-GCM additional data), so a value
 * copied to another slot does not open. A value that does not open (a stranger's, a tampered one,
 * one copied elsewhere) is `undefined`: the caller ignores it, never merges or shows it.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';

const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const IV_BYTES = 12;

/** A live key as kept in the workspace: the raw 256-bit key, base64 (44 characters). */
export const liveKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'not a 256-bit key in base64');

/** One sealed value as published: the IV and the AES-GCM ciphertext (with its tag), both base64. */
export interface SealedValue {
  readonly iv: string;
  readonly ciphertext: string;
}

const sealedSchema = z.object({ iv: z.string().max(32), ciphertext: z.string().max(8_000_000) });

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A new random live key for a pair workspace (`crypto.subtle.generateKey`, exported raw, base64). */
export async function newLiveKey(): Promise<string> {
  const key = await crypto.subtle.generateKey(ALGORITHM, true, ['encrypt', 'decrypt']);
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** Seals and opens live values with one pair's key. */
export class LiveSeal {
  private constructor(private readonly key: CryptoKey) {}

  /** The seal for a key kept in the workspace; throws if it is not a 256-bit key. */
  static async fromKey(liveKey: string): Promise<LiveSeal> {
    const raw = fromBase64(liveKeySchema.parse(liveKey));
    return new LiveSeal(await crypto.subtle.importKey('raw', raw, ALGORITHM, false, ['encrypt', 'decrypt']));
  }

  /** Encrypts text for one slot (the key it is published under). */
  async seal(text: string, slot: string): Promise<SealedValue> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(slot) }, this.key, encoder.encode(text));
    return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
  }

  /** The text of a value sealed for this slot with this key; undefined for anything else. */
  async open(value: unknown, slot: string): Promise<string | undefined> {
    const parsed = sealedSchema.safeParse(value);
    if (!parsed.success) return undefined;
    try {
      const iv = fromBase64(parsed.data.iv);
      if (iv.length !== IV_BYTES) return undefined;
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(slot) }, this.key, fromBase64(parsed.data.ciphertext));
      return decoder.decode(plain);
    } catch {
      // Not base64, another key, another slot, or changed on the way: it does not open.
      return undefined;
    }
  }
}
