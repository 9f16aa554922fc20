import type { HoursSplit } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';

/** `["10 UE online", "60 UE in Präsenz"]`: the non-empty parts of a UE split. */
export function hoursSplitParts(split: HoursSplit, options?: { locale?: 'de' | 'en' }): string[] {
	const parts: string[] = [];
	if (split.online > 0) parts.push(m.curriculum_hours_online({ hours: split.online }, options));
	if (split.inPerson > 0) {
		parts.push(m.curriculum_hours_in_person({ hours: split.inPerson }, options));
	}
	if (split.practice > 0) parts.push(m.curriculum_hours_practice({ hours: split.practice }, options));
	return parts;
}
