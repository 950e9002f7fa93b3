// A seeded generator of realistic news articles for scale runs. Actors come
// from the knowledge files (states with their capitals, cities and demonyms,
// people in the office they hold, international organisations, armed groups),
// so the extractor meets the names it is meant to read; a few states get most
// of the coverage, as in real news. Articles are wire-length stories: a lead
// with the main event, quotes, figures, a reaction, background. A share of
// them are lightly edited retellings of a recent story by another outlet.
// Same seed, same corpus, so runs compare.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** mulberry32: small, fast and seedable; each generator owns its state. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = [
  'Meridian Wire',
  'The Harbour Times',
  'Eastern Ledger',
  'Atlas News Service',
  'Monsoon Daily',
  'Northern Courier',
  'Crescent Bay Observer',
  'Amber Coast Courier',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Prime Minister', 'President', 'Interior Minister'];
const SPOKESPEOPLE = ['foreign ministry spokesman', 'government spokeswoman', 'defence ministry spokesman'];
const ISSUES = ['the ceasefire', 'the prisoner exchange', 'border security', 'the humanitarian corridor', 'sanctions'];

/**
 * Lead events: the sentence that opens a story and the title that goes with it.
 * `a` acts on `b`; `when` is a date phrase; `x` holds figures and places.
 */
const LEADS = [
  {
    title: (a, b) => `${a.name} accuses ${b.name} of violating ceasefire`,
    text: (a, b, x) =>
      `${a.demonym} ${a.role} ${a.person} accused ${b.name} ${x.when} of violating the ceasefire along the border, saying ${b.demonym} forces had shelled villages near ${a.city}.`,
  },
  {
    title: (a, b) => `${a.name} and ${b.name} hold talks in ${a.capital}`,
    text: (a, b, x) =>
      `${a.name} and ${b.name} held a new round of talks in ${a.capital} ${x.when}, the first direct meeting between their foreign ministers in ${x.months} months.`,
  },
  {
    title: (a, b, x) => `${a.name} pledges ${x.amount} in aid to ${b.name}`,
    text: (a, b, x) =>
      `${a.name} pledged ${x.amount} in humanitarian aid to ${b.name} ${x.when}, ${a.demonym} ${a.role} ${a.person} announced after meeting ${b.demonym} officials.`,
  },
  {
    title: (a, b, x) => `${a.demonym} strikes kill ${x.killed} in ${b.name}`,
    text: (a, b, x) =>
      `${a.demonym} troops shelled positions held by ${b.demonym} forces near ${b.city} ${x.when}, killing at least ${x.killed} people and wounding ${x.wounded}, local officials said.`,
  },
  {
    title: (a, b) => `${a.name} threatens sanctions on ${b.name}`,
    text: (a, b, x) =>
      `${a.person} warned ${x.when} that ${a.name} would impose new sanctions on ${b.name} if the attacks on civilians continued.`,
  },
  {
    title: (a, b) => `${b.name} rejects ${a.demonym} proposal for prisoner swap`,
    text: (a, b, x) =>
      `${b.name} rejected a proposal from ${a.name} for a prisoner exchange ${x.when}, calling the offer a publicity stunt.`,
  },
  {
    title: (a, b) => `${a.name} expels ${b.demonym} diplomats`,
    text: (a, b, x) =>
      `${a.name} expelled ${x.count} ${b.demonym} diplomats ${x.when} and summoned ${b.demonym} ambassador ${b.person} over what it called interference in its internal affairs.`,
  },
  {
    title: (a, b, x) => `${a.name}, ${b.name} sign agreement on ${x.issue.replace(/^the /, '')}`,
    text: (a, b, x) =>
      `${a.name} and ${b.name} signed an agreement on ${x.issue} in ${x.venue} ${x.when}, ending months of negotiations mediated by ${x.org}.`,
  },
  {
    title: (a) => `Thousands protest in ${a.capital} over government's decision`,
    text: (a, _b, x) =>
      `Thousands of protesters rallied in ${a.capital} ${x.when} against the government's decision to extend the state of emergency, and police detained ${x.count} people.`,
  },
  {
    title: (_a, b, x) => `${x.group} attack kills ${x.killed} in ${b.name}`,
    text: (_a, b, x) =>
      `Fighters from ${x.group} attacked an army base near ${b.city} ${x.when}, killing ${x.killed} soldiers, ${b.demonym} military officials said.`,
  },
  {
    title: (a, b) => `${a.name} calls on ${b.name} to release detained journalists`,
    text: (a, b, x) =>
      `${a.demonym} ${a.role} ${a.person} called on ${b.name} ${x.when} to release ${x.count} journalists detained since the start of the crisis.`,
  },
  {
    title: (a, b, x) => `${x.org} urges ${a.name} and ${b.name} to de-escalate`,
    text: (a, b, x) =>
      `${x.org} urged ${a.name} and ${b.name} ${x.when} to exercise restraint and return to negotiations on ${x.issue}.`,
  },
];

/** Sentences after the lead: quotes, figures, reactions, background. */
const BODY = [
  (a, b, _x) =>
    `"We will not accept threats to our sovereignty," ${a.person} told reporters in ${a.capital}. "${b.name} must choose between dialogue and isolation."`,
  (_a, b, x) =>
    `${b.demonym} ${b.role} ${b.person} dismissed the accusations as baseless and said ${b.name} remained committed to ${x.issue}.`,
  (a, _b, x) =>
    `A ${a.spokesperson} said the two sides had agreed to meet again ${x.next} and to set up a joint commission on ${x.issue}.`,
  (_a, b, x) =>
    `${x.org} said ${x.count} trucks carrying food and medicine had crossed into ${b.name} since ${x.since}, far short of what was needed.`,
  (_a, _b, x) =>
    `The fighting has displaced more than ${x.displaced} people, according to ${x.org}, which appealed for ${x.amount} to fund its operations.`,
  (_a, _b, x) => `${x.third.name} welcomed the move and praised both governments for their restraint.`,
  (_a, _b, x) =>
    `${x.third.demonym} ${x.third.role} ${x.third.person} condemned the attack and called for an independent investigation.`,
  (a, b, x) => `${a.name} has accused ${b.name} of arming ${x.group}, a charge ${b.demonym} officials deny.`,
  (a, b, x) =>
    `Relations between ${a.capital} and ${b.capital} have been strained since ${x.since}, when ${a.name} recalled its ambassador.`,
  (a, _b, x) => `${x.third.name} announced ${x.amount2} in military assistance to ${a.name} ${x.when}.`,
  (_a, _b, x) =>
    `The talks in ${x.venue} are expected to resume ${x.next}, diplomats said, although no date has been set.`,
  (_a, b, x) =>
    `${b.demonym} forces said they had shot down ${x.count} drones over ${b.city} overnight, and there was no immediate word on casualties.`,
  (_a, _b, x) => `The UN Security Council is due to discuss the situation ${x.next} at the request of ${x.third.name}.`,
  (a, b, x) =>
    `${a.person} is expected to travel to ${b.capital} ${x.next} for talks with ${b.person}, the first such visit in ${x.months} months.`,
  (_a, b, _x) => `Officials in ${b.capital} did not immediately respond to a request for comment.`,
  (a, b, x) =>
    `${a.demonym} officials said ${x.killed} civilians had been killed in ${a.city} since ${x.since}, and accused ${b.name} of targeting residential areas.`,
  (a, b, x) =>
    `In a statement, ${x.org} said it was "deeply concerned" by the escalation and urged ${a.name} and ${b.name} to allow aid workers safe access.`,
  (a, b, x) =>
    `${b.person} said on state television that ${b.name} was ready to resume talks on ${x.issue} if ${a.name} withdrew its forces from the border area.`,
  (a, _b, x) =>
    `${a.demonym} lawmakers approved a ${x.amount2} package for the armed forces ${x.when}, in a vote boycotted by the opposition.`,
  (a, b, x) =>
    `Analysts said the dispute had more to do with domestic politics in ${a.capital} than with any threat from ${b.name}, and expected talks to resume ${x.next}.`,
  (_a, b, x) =>
    `${x.third.name} and ${b.name} agreed ${x.when} to extend a trade agreement and to cooperate on energy security, their leaders said in a joint statement.`,
  (a, b, x) =>
    `${a.name} denied that its forces had crossed into ${b.name}, and said ${x.count} of its soldiers had been wounded by ${b.demonym} fire.`,
  (a, b, x) =>
    `Mediators from ${x.venue} have been shuttling between ${a.capital} and ${b.capital} for weeks in an attempt to broker a deal on ${x.issue}.`,
  (a, b, x) =>
    `${a.demonym} police arrested ${x.count} people suspected of spying for ${b.name} in ${a.city}, state media reported.`,
];

/** Light edits an outlet makes when it retells another's story. */
const EDITS = [
  [' said ', ' told reporters '],
  [' announced ', ' said '],
  [' killing ', ' leaving dead '],
  ['at least ', 'some '],
  [' urged ', ' called on '],
  ['Thousands of', 'Several thousand'],
];

function load(dataDir, file) {
  return parse(readFileSync(new URL(`${file}`, dataDir), 'utf8')).entries;
}

/** Everything the generator draws names from, read once per generator. */
function knowledge(dataDir) {
  const people = load(dataDir, 'people.yaml');
  const orgs = load(dataDir, 'organizations.yaml');
  const currentHolder = new Map();
  for (const p of people) {
    const office = p.offices?.find((o) => !o.to);
    if (office && !currentHolder.has(office.code)) currentHolder.set(office.code, []);
    if (office) currentHolder.get(office.code).push({ name: p.name, role: office.role });
  }
  const states = load(dataDir, 'countries.yaml')
    .filter((c) => c.capital && c.demonyms?.length)
    .map((c) => ({
      code: c.code,
      // "the United States pledged": news writes some names with the article, which the knowledge lists as an alias.
      name: c.aliases?.includes(`the ${c.name}`) ? `the ${c.name}` : c.name,
      demonym: c.demonyms[0],
      capital: c.capital,
      cities: c.places?.length ? c.places : [c.capital],
      people: currentHolder.get(c.code) ?? [],
    }));
  return {
    states,
    // "UNICEF said" but "the World Food Programme said".
    igos: orgs.filter((o) => o.sector === 'IGO').map((o) => (/^[A-Z0-9-]+$/.test(o.name) ? o.name : `the ${o.name}`)),
    groups: orgs.filter((o) => o.sector === 'REB').map((o) => (/^[A-Z0-9-]+$/.test(o.name) ? o.name : `the ${o.name}`)),
  };
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * Yields `count` articles `{ id, url, title, date, source, text }` (the JSON
 * Lines fields `parley ingest` reads), streaming: nothing is kept but the few
 * recent stories a retelling may copy.
 */
export function* generateArticles({
  seed = 42,
  count = 1000,
  nearDuplicateShare = 0.15,
  dataDir = new URL('../data/actors/', import.meta.url),
} = {}) {
  const random = prng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const { states, igos, groups } = knowledge(dataDir);
  // A seeded ranking of states: the head of a power law gets most of the coverage.
  const ranked = [...states];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j], ranked[i]];
  }
  const pickState = () => ranked[Math.floor(ranked.length * random() ** 3)];
  const start = Date.UTC(2024, 0, 1);
  const recent = [];

  const actor = (state) => {
    const holder = state.people.length ? pick(state.people) : null;
    return {
      ...state,
      person: holder
        ? holder.name
        : `${pick(['Ali', 'Maria', 'Jean', 'Olena', 'Kwame', 'Li'])} ${pick(['Haddad', 'Silva', 'Moreau', 'Kovalenko', 'Mensah', 'Wen'])}`,
      role: holder ? holder.role : pick(ROLES),
      spokesperson: pick(SPOKESPEOPLE),
      city: pick(state.cities),
    };
  };

  for (let n = 0; n < count; n++) {
    const outlet = pick(OUTLETS);
    if (recent.length && random() < nearDuplicateShare) {
      yield retell(pick(recent), n, outlet);
      continue;
    }
    const day = new Date(start + int(0, 729) * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const first = pickState();
    let second = pickState();
    while (second === first) second = pickState();
    let third = pickState();
    while (third === first || third === second) third = pickState();
    const a = actor(first);
    const b = actor(second);
    const figures = () => {
      const before = new Date(day.getTime() - int(0, 3) * 86_400_000);
      const since = new Date(day.getTime() - int(30, 400) * 86_400_000);
      return {
        when: pick([
          `on ${WEEKDAYS[before.getUTCDay()]}`,
          `on ${MONTHS[before.getUTCMonth()]} ${before.getUTCDate()}`,
          'on Monday',
          'last week',
          'yesterday',
        ]),
        next: pick(['next week', 'next month', `in ${MONTHS[(day.getUTCMonth() + 1) % 12]}`, 'later this month']),
        since: `${MONTHS[since.getUTCMonth()]} ${since.getUTCFullYear()}`,
        months: int(2, 18),
        amount: pick([`$${int(5, 900)} million`, `€${int(5, 400)} million`, `$${int(1, 9)}.${int(1, 9)} billion`]),
        amount2: pick([`$${int(50, 900)} million`, `€${int(10, 300)} million`]),
        killed: int(2, 60),
        wounded: int(5, 200),
        count: int(2, 40),
        displaced: `${int(10, 900)},000`,
        issue: pick(ISSUES),
        venue: pick([a.capital, b.capital, actor(third).capital, 'Geneva', 'Doha', 'Istanbul']),
        org: pick(igos),
        group: pick(groups),
        third: actor(third),
      };
    };
    const lead = pick(LEADS);
    // One set of figures per story: a retold number stays the same number within an article.
    const x = figures();
    const paragraphs = [lead.text(a, b, x)];
    // Body sentences drawn without replacement, so no sentence repeats within an article.
    const body = [...BODY];
    for (let p = int(4, 8); p > 0 && body.length; p--) {
      const sentences = [];
      for (let k = int(1, 3); k > 0 && body.length; k--)
        sentences.push(body.splice(int(0, body.length - 1), 1)[0](a, b, x));
      paragraphs.push(sentences.join(' '));
    }
    const article = {
      id: `gen-${seed}-${n}`,
      url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${date.replaceAll('-', '/')}/${n}`,
      title: lead.title(a, b, x),
      date,
      source: outlet,
      // Sentence-initial "the United States" is capitalised, as a writer would.
      text: paragraphs.join('\n\n').replace(/(^|[.!?]"? |\n)the /g, '$1The '),
    };
    recent.push(article);
    if (recent.length > 50) recent.shift();
    yield article;
  }

  /** Another outlet's telling of a story: same facts, a few words changed, sometimes a paragraph less. */
  function retell(original, n, outlet) {
    let paragraphs = original.text.split('\n\n');
    if (paragraphs.length > 3 && random() < 0.5) paragraphs = paragraphs.slice(0, -1);
    let text = paragraphs.join('\n\n');
    for (const [from, to] of EDITS) if (random() < 0.5) text = text.replace(from, to);
    return {
      id: `gen-${seed}-${n}`,
      url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${original.date.replaceAll('-', '/')}/${n}`,
      title: random() < 0.5 ? `UPDATE 1-${original.title}` : original.title,
      date: original.date,
      source: outlet,
      text: `${text}\n\n(Reporting by ${outlet} staff)`,
    };
  }
}
