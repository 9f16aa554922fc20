/**
 * The name a file is listed under in a draft: its own, or `bericht (2).pdf`, `bericht (3).pdf`…
 * when the draft already lists that name (compared without case), as desktop systems name a copy.
 * Two files listed as `bericht.pdf` would leave the reviewer guessing which one is meant.
 */
export function freeFileName(name: string, taken: readonly string[]): string {
	const used = new Set(taken.map((entry) => entry.toLocaleLowerCase('de')));
	if (!used.has(name.toLocaleLowerCase('de'))) return name;
	const dot = name.lastIndexOf('.');
	const [stem, type] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
	for (let copy = 2; ; copy++) {
		const candidate = `${stem} (${copy})${type}`;
		if (!used.has(candidate.toLocaleLowerCase('de'))) return candidate;
	}
}
