import { m } from '$lib/paraglide/messages.js';

/** "Modul 2: Titel", unless the author already put the number into the title. */
export function moduleLabel(number: number, title: string): string {
	return /^(modul|module)\s*\d/i.test(title) ? title : m.cohorts_module_label({ number, title });
}
