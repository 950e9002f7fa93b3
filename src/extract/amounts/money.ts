/**
 * Money figures: currency symbols and words ($, US$, C$, €, £, ¥, "euros",
 * ISO codes), scale words ("$200 million", "1.5bn", "€500m", "2 billion
 * euros"), qualifiers ("over", "about", "up to"). Read from the text with one
 * pattern per shape, so every amount names the rule that read it.
 */
import type { Amount } from '../../types.js';
import { type Context, span } from '../context.js';

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  'u.s.$': 'USD',
  c$: 'CAD',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  hk$: 'HKD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
  '₴': 'UAH',
  '₪': 'ILS',
  chf: 'CHF',
};
const WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  'canadian dollars': 'CAD',
  'australian dollars': 'AUD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  'pounds sterling': 'GBP',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupees: 'INR',
  rupee: 'INR',
  roubles: 'RUB',
  rubles: 'RUB',
  hryvnias: 'UAH',
  shekels: 'ILS',
  riyals: 'SAR',
  dirhams: 'AED',
  francs: 'CHF',
  'swiss francs': 'CHF',
};
const ISO = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'CAD',
  'AUD',
  'CHF',
  'RUB',
  'UAH',
  'INR',
  'ILS',
  'SAR',
  'AED',
  'NZD',
  'HKD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'TRY',
  'IRR',
  'QAR',
];
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
const QUALIFIERS = [
  'more than',
  'less than',
  'at least',
  'up to',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'over',
  'under',
  'some',
  'an estimated',
  'close to',
  'just over',
  'just under',
];

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const SCALE = String.raw`(?:\s?(thousand|million|billion|trillion|mln|mn|bn|trn|tn|m|b|k)\b)?`;
const SYMBOL = String.raw`(US\$|U\.S\.\$|C\$|CA\$|A\$|AU\$|NZ\$|HK\$|\$|€|£|¥|₹|₽|₴|₪)`;
const QUALIFIER = String.raw`(?:(${QUALIFIERS.join('|')})\s+)?`;

const CURRENCY_WORDS = `${Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/\./g, '\\.'))
  .join('|')}|${ISO.join('|')}`;

/**
 * Shapes of money, each a rule. The order matters: longer shapes first. `needs`
 * is what a text must hold for the shape to match anywhere in it: most texts
 * hold no currency sign, code or word, and one scan for those costs a fraction
 * of one for the shape, which tries its qualifiers at every character.
 */
const SHAPES: {
  rule: string;
  needs: RegExp;
  re: RegExp;
  read: (m: RegExpExecArray) => { n: string; scale?: string; cur: string };
}[] = [
  {
    rule: 'money.symbol',
    needs: /[$€£¥₹₽₴₪]/,
    re: new RegExp(String.raw`(?<![\w$])${QUALIFIER}${SYMBOL}\s?${NUMBER}${SCALE}`, 'gi'),
    read: (m) => ({ n: m[3] as string, scale: m[4], cur: SYMBOLS[(m[2] as string).toLowerCase()] ?? 'USD' }),
  },
  {
    rule: 'money.iso',
    needs: new RegExp(ISO.join('|')),
    re: new RegExp(String.raw`\b${QUALIFIER}(${ISO.join('|')})\s?${NUMBER}${SCALE}`, 'g'),
    read: (m) => ({ n: m[3] as string, scale: m[4], cur: m[2] as string }),
  },
  {
    rule: 'money.word',
    needs: new RegExp(CURRENCY_WORDS, 'i'),
    re: new RegExp(String.raw`\b${QUALIFIER}${NUMBER}${SCALE}\s+(${CURRENCY_WORDS})\b`, 'gi'),
    read: (m) => ({
      n: m[2] as string,
      scale: m[3],
      cur: WORDS[(m[4] as string).toLowerCase()] ?? (m[4] as string).toUpperCase(),
    }),
  },
];

export function readMoney(ctx: Context): void {
  const text = ctx.doc.text;
  const taken: [number, number][] = [];
  for (const shape of SHAPES) {
    if (!shape.needs.test(text)) continue;
    shape.re.lastIndex = 0;
    for (let m = shape.re.exec(text); m; m = shape.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const { n, scale, cur } = shape.read(m);
      const value = Number(n.replace(/,/g, '')) * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
      if (!Number.isFinite(value) || value <= 0) continue;
      taken.push([start, end]);
      const qualifier = m[1];
      const amount: Amount = {
        id: '',
        span: span(ctx, start, end),
        value: Math.round(value * 100) / 100,
        currency: cur,
        rule: shape.rule,
      };
      if (qualifier) amount.qualifier = qualifier.toLowerCase();
      ctx.amounts.push(amount);
    }
  }
  ctx.amounts.sort((a, b) => a.span.start - b.span.start);
  ctx.amounts.forEach((a, n) => {
    a.id = `a${n + 1}`;
  });
}
