/**
 * Short news reports written for these tests (not copied from any outlet),
 * each with a date so relative dates resolve, and the real extractor run
 * over them: the API is tested on what the engine really produces.
 */
import type { ArticleJson } from '../ingest.js';

export const ARTICLES: (ArticleJson & { text: string; date: string })[] = [
  {
    title: 'Germany pledges 500 million euros in military aid to Ukraine',
    date: '2025-02-11',
    outlet: 'Rhine Ledger',
    url: 'https://rhine-ledger.example/2025/02/11/germany-ukraine-aid',
    text:
      'Germany pledged 500 million euros in military aid to Ukraine on Tuesday, Defence Minister Boris Pistorius said in Berlin.\n\n' +
      'The package includes air defence systems and artillery ammunition, Pistorius told reporters after meeting Ukrainian Defence Minister Rustem Umerov. ' +
      'Ukraine welcomed the support and called on its allies to speed up deliveries before the spring.\n\n' +
      'Russia condemned the decision and accused Berlin of prolonging the war.',
  },
  {
    title: 'Qatar and Egypt host new round of Gaza ceasefire talks in Doha',
    date: '2025-03-04',
    outlet: 'Gulf Wire',
    url: 'https://gulf-wire.example/2025/03/04/doha-talks',
    text:
      'Qatar and Egypt hosted a new round of ceasefire talks between Israel and Hamas in Doha on Tuesday, officials said.\n\n' +
      'Israeli negotiators met Qatari mediators for several hours, and Egypt urged both sides to agree to a second phase of the truce. ' +
      'Hamas rejected an Israeli proposal to extend the first phase without a commitment to end the war.\n\n' +
      'The United States said it supported the mediation and would send an envoy to Cairo next week.',
  },
  {
    title: 'Russian missiles strike Kyiv overnight',
    date: '2025-03-07',
    outlet: 'Dnipro Daily',
    url: 'https://dnipro-daily.example/2025/03/07/kyiv-strikes',
    text:
      'Russia launched a barrage of missiles and drones at Kyiv overnight, killing four people and damaging power stations, Ukrainian officials said on Friday.\n\n' +
      'President Volodymyr Zelensky accused Moscow of terrorising civilians and asked Western partners for more air defence systems. ' +
      'Poland scrambled fighter jets as the attack unfolded near its border.\n\n' +
      'The United Nations condemned the strikes.',
  },
  {
    title: 'United States imposes new sanctions on Iranian oil network',
    date: '2025-03-12',
    outlet: 'Capitol Brief',
    url: 'https://capitol-brief.example/2025/03/12/iran-sanctions',
    text:
      'The United States imposed sanctions on Wednesday on a network of shipping companies accused of moving Iranian oil to China, the Treasury Department said.\n\n' +
      'Iran denounced the sanctions as illegal and warned Washington that it would respond. ' +
      'Oman offered to host talks between Iran and the United States on the nuclear programme.',
  },
];

/** Posted as a page in the POST tests: the reader must find the body and the metadata. */
export const HTML_PAGE = `<!doctype html>
<html lang="en"><head>
<title>Sudan talks | Nile Observer</title>
<meta property="og:title" content="Saudi Arabia and the United States call Sudan's warring parties to talks in Jeddah">
<meta property="og:site_name" content="Nile Observer">
<meta property="article:published_time" content="2025-04-02T08:00:00Z">
<link rel="canonical" href="https://nile-observer.example/2025/04/02/jeddah-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Saudi Arabia and the United States call Sudan's warring parties to talks in Jeddah</h1>
<p>Saudi Arabia and the United States on Wednesday invited the Sudanese army and the Rapid Support Forces to resume talks in Jeddah, the Saudi foreign ministry said.</p>
<p>The army accepted the invitation, while the Rapid Support Forces demanded guarantees of a humanitarian truce before any meeting.</p>
<p>Britain pledged 120 million pounds in humanitarian aid to Sudan, Foreign Secretary David Lammy said in London.</p>
</article>
<footer>Copyright Nile Observer</footer>
</body></html>`;
