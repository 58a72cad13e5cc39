/**
 * Draws the app icons into manifest/: color.png (192×192, full colour) and outline.png (32×32,
 * white on transparent), as Teams requires. Run `npx tsx scripts/package/make-icons.ts` after
 * changing the drawing; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;
const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r && d >= r - width;
  };

/** The glyph in unit coordinates: a mentor (solid) and an executive (ring) side by side, overlapping. */
function glyph(stroke: number): Shape {
  const junior = disc(0.38, 0.42, 0.17);
  const executive = ring(0.62, 0.58, 0.22, stroke);
  return (x, y) => junior(x, y) || executive(x, y);
}

/** Renders a shape with 4×4 supersampling; `paint` gives the colour of glyph and background. */
function render(size: number, coverage: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const rgba = coverage((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 4; i++) acc[i]! += rgba[i]!;
        }
      }
      const n = samples * samples;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 4; i++) png.data[o + i] = Math.round(acc[i]! / n);
    }
  }
  return PNG.sync.write(png);
}

const ACCENT: [number, number, number] = [0x4f, 0x52, 0xb2];

/** Full-bleed: Teams rounds the corners itself. */
export function colorIcon(): Buffer {
  const shape = glyph(0.07);
  return render(192, (x, y) => (shape(x, y) ? [255, 255, 255, 255] : [...ACCENT, 255]));
}

export function outlineIcon(): Buffer {
  const shape = glyph(0.1);
  return render(32, (x, y) => (shape(x, y) ? [255, 255, 255, 255] : [255, 255, 255, 0]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../../manifest/color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('../../manifest/outline.png', import.meta.url), outlineIcon());
  console.log('Wrote manifest/color.png and manifest/outline.png');
}
