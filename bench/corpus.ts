// Deterministic French → Arabic paragraphs for the benchmarks: the same seed gives the same document.

const FR_WORDS = (
  'le ministre de l’Intérieur a rappelé que la coopération sécuritaire entre les deux pays reste étroite ' +
  'dans la région du Sahel et du désert les autorités ont annoncé une nouvelle réunion à Rabat avec ' +
  'les responsables de la migration et des frontières selon le communiqué publié mardi soir la question ' +
  'des visas demeure au cœur des échanges diplomatiques tandis que les associations dénoncent des délais ' +
  'toujours plus longs pour les étudiants et les familles qui attendent une réponse depuis plusieurs mois'
).split(' ');

const AR_WORDS = (
  'أكد وزير الداخلية أن التعاون الأمني بين البلدين لا يزال وثيقا في منطقة الساحل والصحراء وأعلنت ' +
  'السلطات عن اجتماع جديد في الرباط مع المسؤولين عن الهجرة والحدود حسب البلاغ الصادر مساء الثلاثاء ' +
  'وتبقى مسألة التأشيرات في صلب المبادلات الدبلوماسية بينما تندد الجمعيات بآجال أطول فأطول للطلبة ' +
  'والأسر التي تنتظر ردا منذ عدة أشهر'
).split(' ');

/** mulberry32: a tiny seeded PRNG, good enough for text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A paragraph of `minChars`–`maxChars` characters built from `words`, ending with a full stop. */
function paragraph(words: readonly string[], rand: () => number, minChars: number, maxChars: number, stop: string) {
  const goal = minChars + Math.floor(rand() * (maxChars - minChars));
  let out = '';
  let sentence = 0;
  while (out.length < goal) {
    const w = words[Math.floor(rand() * words.length)]!;
    if (out.length + w.length + 2 > maxChars) break;
    out += (out ? ' ' : '') + w;
    if (++sentence > 8 && rand() < 0.15) {
      out += stop === '.' ? ',' : '،';
      sentence = 0;
    }
  }
  return out + stop;
}

export interface CorpusSegment {
  source: string;
  target: string;
}

/** `count` source/target pairs of ~200–400 characters each. */
export function makeSegments(count: number, seed = 2024): CorpusSegment[] {
  const rand = prng(seed);
  const out: CorpusSegment[] = [];
  for (let i = 0; i < count; i++) {
    const source = paragraph(FR_WORDS, rand, 200, 400, '.');
    const target = paragraph(AR_WORDS, rand, 200, 400, '.');
    out.push({ source: source[0]!.toUpperCase() + source.slice(1), target });
  }
  return out;
}

/**
 * The text a translator would type as revision `rev` of a segment: the original with one word swapped and a
 * revision mark, so every edit differs from the previous one (an unchanged text records no event).
 */
export function revisedTarget(original: string, rev: number): string {
  const words = original.split(' ');
  const at = rev % words.length;
  words[at] = AR_WORDS[rev % AR_WORDS.length]!;
  return `${words.join(' ')} (م${rev})`;
}

/** A word-sized span of `text` to flag: [start, end) and the quoted words. */
export function spanToFlag(text: string, pick: number): { start: number; end: number; quote: string } {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') starts.push(i + 1);
  const start = starts[pick % starts.length]!;
  let end = text.indexOf(' ', start);
  if (end === -1) end = text.length;
  if (end === start) end = Math.min(text.length, start + 1);
  return { start, end, quote: text.slice(start, end) };
}

export const CORRECTIONS = ['التعاون', 'المسؤولين', 'الدبلوماسية', 'الحدود', 'الهجرة'] as const;
