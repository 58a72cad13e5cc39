/**
 * Opening sealed pair records at a programme's size: 3,229 participants (bench:programme's), each
 * with two boxes (services/programme/pair-seal.ts), read by one participant (a partner of one in a
 * hundred) and by an owner (a reader of all), in parallel as openParticipants does; then again, as a
 * refresh does (the seal keeps what each box opened to). Prints JSON; no test depends on the times.
 */
import { newKeyFile, PairSeal } from '../../src/services/programme/pair-seal.ts';

const PARTICIPANTS = 3229;
const [reader, owner] = await Promise.all([newKeyFile().then(PairSeal.fromFile), newKeyFile().then(PairSeal.fromFile)]);
const writers = await Promise.all(Array.from({ length: PARTICIPANTS }, () => newKeyFile().then(PairSeal.fromFile)));
const boxes = await Promise.all(
  writers.map(async (writer, i) => [
    await writer.seal('{"with":"a","asked":true}', `p${i}`, [i % 100 === 0 ? reader.publicKey : owner.publicKey, owner.publicKey]),
    await writer.seal('{"with":"b","answer":"declined"}', `p${i}`, [owner.publicKey]),
  ]),
);

async function openAll(seal: PairSeal): Promise<{ ms: number; opened: number }> {
  const started = performance.now();
  const counts = await Promise.all(writers.map(async (writer, i) => (await Promise.all(boxes[i]!.map((box) => seal.open(box, `p${i}`, writer.publicKey)))).filter(Boolean).length));
  return { ms: Math.round(performance.now() - started), opened: counts.reduce((a, b) => a + b, 0) };
}

const participantFirst = await openAll(reader);
const participantAgain = await openAll(reader);
const ownerFirst = await openAll(owner);
console.log(
  JSON.stringify({
    participants: PARTICIPANTS,
    boxes: PARTICIPANTS * 2,
    participantOpenMs: participantFirst.ms,
    participantOpened: participantFirst.opened,
    participantRefreshMs: participantAgain.ms,
    ownerOpenMs: ownerFirst.ms,
    ownerOpened: ownerFirst.opened,
  }),
);
