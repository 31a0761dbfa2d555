/* SIKB: search's word normaliser, the browser's half of generator/search/stems.py, with
 * the same rules (generator/search/stems.json, written in below when the site is built),
 * and the results' excerpts. In uk and ru, Pagefind indexes each Cyrillic word's stem
 * (generator/search/shadow.py): a query is normalised the same way before it is searched,
 * and a result's excerpt is made here from the page's words as written, with the words
 * whose stem matches marked.
 * An ES module, loaded by sikb-search.js with Pagefind, when the search is first used. */
const RULES = /* sikb:stems */ {};
const WORD = /[\u0400-\u052f]+(?:['’ʼ][\u0400-\u052f]+)*/g; // as stems.py
const TOKEN = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu; // a word of an excerpt
const LENGTH = 30; // words in an excerpt, as Pagefind's
const engines = {};

function engine(lang) {
  if (!(lang in engines)) {
    const r = RULES[lang];
    const sorted = r ? r.endings.slice().sort() : [];
    engines[lang] = r ? {
      least: r.min, fold: r.fold, swap: r.replace, keep: r.keep, endings: new Set(r.endings),
      longest: Math.max.apply(null, r.endings.map(function (e) { return e.length; })),
      done: new Map(),
      // stems.py's tails: what packed tails name by their place
      tails: [""].concat(sorted, ["^"], sorted.map(function (e) { return "^" + e; }))
    } : null;
  }
  return engines[lang];
}

/* The stem of one word in lang (unchanged in a language with no rules). */
export function stem(lang, word) {
  const e = engine(lang);
  if (!e) return word;
  let w = e.done.get(word);
  if (w !== undefined) return w;
  w = Array.from(word.toLowerCase(), function (c) { return e.fold[c] || c; }).join("");
  for (let k = Math.min(e.longest, w.length - e.least); k > 0; k--) {
    const cut = w.length - k;
    if ("'’ʼ".indexOf(w[cut - 1]) >= 0 || !e.endings.has(w.slice(cut))) continue; // as stems.py
    if (!e.keep.some(function (p) { return w.startsWith(p) && cut < p.length; })) {
      w = w.slice(0, cut) + (e.swap[w.slice(cut)] || "");
      break;
    }
  }
  e.done.set(word, w);
  return w;
}

/* Whether lang's words are normalised. */
export function normalised(lang) { return !!engine(lang); }

/* text with each Cyrillic word replaced by its stem in lang, the rest as is. */
export function normalise(lang, text) {
  if (!engine(lang)) return text;
  return text.replace(WORD, function (w) { return stem(lang, w); });
}

/* The word as written, from its stem and what the stem lost (stems.py's tail). */
export function restore(stem, tail) {
  if (tail[0] === "=") return tail.slice(1);
  if (tail[0] === "^") return stem.charAt(0).toUpperCase() + stem.slice(1) + tail.slice(1);
  return stem + tail;
}

/* Characters hidden from Pagefind's index (stems.py's hide: each character below U+1900
 * moved up into the Private Use Area), moved back. */
export function shown(hidden) {
  return hidden.replace(/[\uE000-\uF8FF]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xE000); });
}

const PACKED = 0xF000; // stems.py's PACKED
const END = "\uE02C"; // a comma, hidden

/* What the stems of a page lost, in order, from the string shadow.py wrote (stems.py's
 * packer): a tail of the language's table as one character, any other hidden and ended by a
 * hidden comma; null if it ends inside one. */
export function unpack(lang, packed) {
  const e = engine(lang);
  const table = e ? e.tails : [];
  const lost = [];
  let other = null;
  for (const c of packed) {
    const i = c.charCodeAt(0) - PACKED;
    if (other === null && i >= 0 && i < table.length) lost.push(table[i]);
    else if (c === END) { lost.push(shown(other || "")); other = null; }
    else other = (other || "") + c;
  }
  return other === null ? lost : null;
}

/* A page's indexed text as written: Pagefind's text of its stems (content) with each
 * stem given back what it lost (tails, packed; search/shadow.py); null if they do not
 * pair up. */
export function written(lang, content, tails) {
  const lost = unpack(lang, tails || "");
  if (lost === null) return null;
  let i = 0;
  const text = content.replace(WORD, function (stem) { return restore(stem, lost[i++] || ""); });
  return i === lost.length ? text : null;
}

function key(lang, word) { return normalise(lang, word).toLowerCase(); }

/* An excerpt of text (a page's words as written) around the words that match query:
 * [[piece, marked], ...], a word marked when its normalised form starts with a query
 * word's (Pagefind matches the start of words too). */
export function excerpt(lang, text, query) {
  const terms = (query.match(TOKEN) || []).map(function (w) { return key(lang, w); });
  const words = [];
  for (const m of text.matchAll(TOKEN)) {
    const k = key(lang, m[0]);
    const hit = terms.some(function (t) { return k.startsWith(t); });
    words.push({ at: m.index, end: m.index + m[0].length, hit: hit });
  }
  if (!words.length) return [[text.slice(0, 200), false]];
  let best = 0;
  let most = -1;
  words.forEach(function (w, i) {
    if (!w.hit) return;
    let n = 0;
    for (let j = i; j < Math.min(words.length, i + LENGTH); j++) if (words[j].hit) n++;
    if (n > most) { most = n; best = i; }
  });
  const first = Math.max(0, Math.min(best - 5, words.length - LENGTH));
  const last = Math.min(words.length, first + LENGTH) - 1;
  const pieces = [];
  let at = words[first].at;
  if (first > 0) pieces.push(["… ", false]);
  for (let i = first; i <= last; i++) {
    const w = words[i];
    if (!w.hit) continue;
    if (w.at > at) pieces.push([text.slice(at, w.at), false]);
    pieces.push([text.slice(w.at, w.end), true]);
    at = w.end;
  }
  if (words[last].end > at) pieces.push([text.slice(at, words[last].end), false]);
  if (last < words.length - 1) pieces.push([" …", false]);
  return pieces;
}

/* Pagefind's excerpt as pieces. Its text has only "<" and ">" escaped and <mark> around
 * the matches; a case's text may itself look like markup, so only the <mark> and </mark>
 * Pagefind adds mark pieces, and the rest is decoded back to text, never parsed. */
function pagefinds(text) {
  const pieces = [];
  let marked = false;
  text.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece) pieces.push([piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">"), marked]);
  });
  return pieces;
}

/* A result's excerpt (page: Pagefind's data of it): a paragraph of text nodes, with <mark>
 * around the matches. In uk and ru it is made from the page's words given back as written
 * (its sikb_tails), else it is Pagefind's. Nothing of a page's text becomes markup. */
export function paragraph(page, lang, query) {
  const tails = page.meta && page.meta.sikb_tails;
  const text = tails == null ? null : written(lang, page.content, tails);
  const p = document.createElement("p");
  (text == null ? pagefinds(page.excerpt || "") : excerpt(lang, text, query)).forEach(function (piece) {
    const node = document.createTextNode(piece[0]);
    if (!piece[1]) { p.appendChild(node); return; }
    const mark = document.createElement("mark");
    mark.appendChild(node);
    p.appendChild(mark);
  });
  return p;
}
