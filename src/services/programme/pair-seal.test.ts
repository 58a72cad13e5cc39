import { describe, expect, it } from 'vitest';
import { newKeyFile, PairSeal, sealedBoxSchema, SealTooLargeError } from './pair-seal';

const person = async () => PairSeal.fromFile(await newKeyFile());

describe('pair seal', () => {
  it('opens for the writer and each reader, and for no one else', async () => {
    const [margaret, diego, priya, aisha] = await Promise.all([person(), person(), person(), person()]);
    const box = await margaret.seal('{"asked":true}', 'margaret', [diego.publicKey, priya.publicKey]);
    expect(sealedBoxSchema.parse(box).k).toHaveLength(3);
    expect(JSON.stringify(box)).not.toContain('asked');
    expect(await margaret.open(box, 'margaret', margaret.publicKey)).toBe('{"asked":true}');
    expect(await diego.open(box, 'margaret', margaret.publicKey)).toBe('{"asked":true}');
    expect(await priya.open(box, 'margaret', margaret.publicKey)).toBe('{"asked":true}');
    expect(await aisha.open(box, 'margaret', margaret.publicKey)).toBeUndefined();
  });

  it('does not open a box copied into another entry, with another key, or changed', async () => {
    const [margaret, diego, mallory] = await Promise.all([person(), person(), person()]);
    const box = await margaret.seal('accepted', 'margaret', [diego.publicKey]);
    // Mallory copies Margaret's box and key into her own entry: it is bound to Margaret.
    expect(await diego.open(box, 'mallory', margaret.publicKey)).toBeUndefined();
    expect(await diego.open(box, 'margaret', mallory.publicKey)).toBeUndefined();
    const flipped = { ...box, c: (box.c[0] === 'A' ? 'B' : 'A') + box.c.slice(1) };
    expect(await diego.open(flipped, 'margaret', margaret.publicKey)).toBeUndefined();
  });

  it('treats damaged boxes and keys as unreadable, never throwing', async () => {
    const [margaret, diego] = await Promise.all([person(), person()]);
    for (const damaged of [null, 'box', { k: [], iv: '', c: '' }, { k: ['x'.repeat(54) + '=='], iv: 'A'.repeat(16), c: '!!' }, { constructor: 1 }]) {
      expect(await diego.open(damaged, 'margaret', margaret.publicKey)).toBeUndefined();
    }
    const box = await margaret.seal('x', 'margaret', ['not a key', 'BA' + 'A'.repeat(85) + '=']);
    expect(box.k).toHaveLength(1);
    expect(await diego.open(box, 'margaret', 'not a key')).toBeUndefined();
    await expect(PairSeal.fromFile({ v: 1, privateKey: {}, publicKey: 'x' })).rejects.toThrow();
  });

  it('seals only what opens again: up to 64 readers, and refuses more rather than writing a box nobody can open', async () => {
    const writer = await person();
    const readers = await Promise.all(Array.from({ length: 63 }, person));
    const box = await writer.seal(
      '{"with":"x"}',
      'w',
      readers.map((r) => r.publicKey),
    );
    expect(box.k).toHaveLength(64);
    expect(await readers[62]!.open(box, 'w', writer.publicKey)).toBe('{"with":"x"}');
    expect(await writer.open(box, 'w', writer.publicKey)).toBe('{"with":"x"}');
    const one = await person();
    await expect(writer.seal('{}', 'w', [...readers.map((r) => r.publicKey), one.publicKey])).rejects.toThrow(SealTooLargeError);
  });

  it('pads what it seals, so a box’s size does not tell an ask from an answer', async () => {
    const [writer, reader] = await Promise.all([person(), person()]);
    const asked = await writer.seal('{"with":"a","asked":true}', 'w', [reader.publicKey]);
    const declined = await writer.seal('{"with":"a","answer":"declined"}', 'w', [reader.publicKey]);
    expect(asked.c.length).toBe(declined.c.length);
  });

  it('pads in bytes, so words outside ASCII do not show in the size either', async () => {
    const [writer, reader] = await Promise.all([person(), person()]);
    const plain = await writer.seal(JSON.stringify({ note: 'x'.repeat(200) }), 'w', [reader.publicKey]);
    const accented = await writer.seal(JSON.stringify({ note: 'é'.repeat(120) }), 'w', [reader.publicKey]);
    expect(accented.c.length).toBe(plain.c.length);
    expect(await reader.open(accented, 'w', writer.publicKey)).toBe(JSON.stringify({ note: 'é'.repeat(120) }));
  });
});
