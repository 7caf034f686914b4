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
