/**
 * The demo tenant's profile photos: small deterministic JPEGs made in code (no image files), so the
 * fake Graph answers `/users/{id}/photos/{size}/$value` with what Exchange stores, a JPEG
 * (https://learn.microsoft.com/graph/api/profilephoto-get). Most members have one; some have none
 * (Graph answers 404 ImageNotFound for them), and guests have none.
 */
import type { DemoUser } from './demo-tenant';

/** The sizes Microsoft 365 keeps of a photo (https://learn.microsoft.com/graph/api/profilephoto-get). */
export const PHOTO_SIZES = ['48x48', '64x64', '96x96', '120x120', '240x240', '360x360', '432x432', '504x504', '648x648'] as const;

/** A stored photo: its JPEG at each size up to the size that was uploaded. */
export interface StoredPhoto {
  /** The side of the uploaded photo, in pixels: sizes above it are not available. */
  readonly uploaded: number;
  /** The photo at one side length (a multiple of 8), in pixels. */
  readonly jpeg: (side: number) => Uint8Array<ArrayBuffer>;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A demo user's photo, or undefined for one without: every fifth member (by their id) and every
 * guest. An identicon: a mirrored 6×6 pattern in a colour of its own, uploaded at 240×240.
 */
export function demoPhoto(user: Pick<DemoUser, 'id' | 'userType'>): StoredPhoto | undefined {
  const h = hash(user.id);
  if (user.userType === 'Guest' || h % 5 === 0) return undefined;
  const hue = (h >>> 8) % 360;
  const ink = hsl(hue, 0.55, 0.45);
  const paper: Rgb = [240, 240, 240];
  const cells: Rgb[][] = [];
  for (let row = 0; row < 6; row++) {
    const line: Rgb[] = [];
    for (let col = 0; col < 6; col++) {
      const mirrored = col < 3 ? col : 5 - col;
      line.push((hash(`${user.id}:${row}:${mirrored}`) & 1) === 1 ? ink : paper);
    }
    cells.push(line);
  }
  const cache = new Map<number, Uint8Array<ArrayBuffer>>();
  return {
    uploaded: 240,
    jpeg: (side) => {
      let bytes = cache.get(side);
      if (!bytes) cache.set(side, (bytes = blockJpeg(cells, side)));
      return bytes;
    },
  };
}

type Rgb = readonly [number, number, number];

function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - c / 2;
  const [r, g, b] = hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/**
 * A baseline JFIF JPEG of `side`×`side` pixels (a multiple of 8) showing a grid of flat colours,
 * each 8×8 block one colour: only DC coefficients, so one Huffman table of 12 four-bit DC codes and
 * an AC table holding only end-of-block suffice (ITU T.81, annex B and F).
 */
export function blockJpeg(cells: readonly (readonly Rgb[])[], side: number): Uint8Array<ArrayBuffer> {
  if (side % 8 !== 0 || side <= 0) throw new RangeError(`A block JPEG's side is a positive multiple of 8, not ${side}`);
  const out: number[] = [];
  const u16 = (n: number) => out.push(n >> 8, n & 0xff);
  const segment = (marker: number, body: number[]) => {
    out.push(0xff, marker);
    u16(body.length + 2);
    out.push(...body);
  };
  out.push(0xff, 0xd8); // SOI
  segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // APP0 JFIF 1.1
  segment(0xdb, [0, ...new Array<number>(64).fill(8)]); // DQT 0: every coefficient divided by 8
  segment(0xc0, [8, side >> 8, side & 0xff, side >> 8, side & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]); // SOF0, 4:4:4
  const dcBits = [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  segment(0xc4, [0x00, ...dcBits, ...Array.from({ length: 12 }, (_, i) => i)]); // DHT DC 0: categories 0–11, codes 0000–1011
  segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]); // DHT AC 0: end-of-block only, code 0
  segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]); // SOS
  let acc = 0;
  let count = 0;
  const bits = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      acc = (acc << 1) | ((value >> i) & 1);
      if (++count === 8) {
        out.push(acc);
        if (acc === 0xff) out.push(0); // byte stuffing
        acc = 0;
        count = 0;
      }
    }
  };
  const blocks = side / 8;
  const rows = cells.length;
  const predictions = [0, 0, 0];
  for (let by = 0; by < blocks; by++) {
    for (let bx = 0; bx < blocks; bx++) {
      const row = cells[Math.floor((by * rows) / blocks)]!;
      const [r, g, b] = row[Math.floor((bx * row.length) / blocks)]!;
      const ycc = [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
      ycc.forEach((value, c) => {
        // A flat block's DC coefficient is 8 × (value − 128); quantised by 8, value − 128.
        const dc = Math.max(-128, Math.min(127, Math.round(value) - 128));
        const diff = dc - predictions[c]!;
        predictions[c] = dc;
        const magnitude = Math.abs(diff);
        const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
        bits(category, 4);
        if (category > 0) bits(diff > 0 ? diff : diff + (1 << category) - 1, category);
        bits(0, 1); // end of block: every AC coefficient is zero
      });
    }
  }
  if (count > 0) bits(0xff, 8 - count); // pad with ones
  out.push(0xff, 0xd9); // EOI
  return Uint8Array.from(out);
}
