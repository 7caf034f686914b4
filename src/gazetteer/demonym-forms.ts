/**
 * Place names a resident demonym may be formed from, most likely first: "Ohioans" →
 * Ohio, "Iowan" → Iowa, "Texan" → Texas, "Ontarians" → Ontario, "Floridian" → Florida,
 * "Londoners" → London, "Richmondites" → Richmond. English forms these by suffix; the
 * gazetteer then says which of the bases is a place. Pure.
 */
export function demonymBases(word: string): string[] {
  const w = word.trim().replace(/(?<=[a-z])s$/, '');
  if (!/^\p{Lu}/u.test(w) || w.length < 5) return [];
  const out: string[] = [];
  if (w.endsWith('ite')) out.push(w.slice(0, -3));
  else if (w.endsWith('er')) out.push(w.slice(0, -2));
  else if (w.endsWith('an')) {
    const stem = w.slice(0, -1);
    out.push(stem, `${stem}s`, w.slice(0, -2), `${w.slice(0, -2)}o`);
    if (w.endsWith('ian')) out.push(`${w.slice(0, -3)}a`);
  }
  return [...new Set(out)].filter((b) => b.length >= 3);
}

/** Endings that make a people's or a place's adjective from its name: Bosni-an, Havan-ese, Austr-o. */
const ADJECTIVAL_ENDINGS = ['ians', 'ian', 'ans', 'an', 'ese', 'ish', 'ists', 'ist', 'ic', 'i', 'o', 's'];

/**
 * Stems a people or adjectival name may be cut from, the word itself first: "Sicilian" →
 * sicilian, sicil; "Serbs" → serbs, serb. Folded to lower case; stems under four letters say
 * too little. Pure.
 */
export function adjectivalStems(word: string): string[] {
  const w = word.trim().toLowerCase();
  if (!/^\p{L}+$/u.test(w)) return [];
  const out = [w];
  for (const end of ADJECTIVAL_ENDINGS) if (w.endsWith(end)) out.push(w.slice(0, -end.length));
  return [...new Set(out)].filter((s) => s.length >= 4);
}
