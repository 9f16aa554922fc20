import type { MentoringStatus } from '../db/schema';

/**
 * A request is confirmed or declined by staff or withdrawn by the learner; a confirmed pair ends
 * when either person ends it. Nothing leaves declined, withdrawn or ended.
 */
const next: Record<MentoringStatus, readonly MentoringStatus[]> = {
	requested: ['confirmed', 'declined', 'withdrawn'],
	confirmed: ['ended'],
	declined: [],
	withdrawn: [],
	ended: []
};

export const canMove = (from: MentoringStatus, to: MentoringStatus): boolean =>
	next[from].includes(to);

/** Statuses that still bind a learner: one such request or pair at a time. */
export const openStatuses = ['requested', 'confirmed'] as const satisfies MentoringStatus[];

/** Capacity counts confirmed pairs only; pending requests take no place. */
export const hasRoom = (confirmed: number, capacity: number): boolean => confirmed < capacity;

export const LIST_MAX = 8;
export const LIST_ENTRY_MAX = 40;

/**
 * "Ausländerrecht, Jobcenter; Wohnen" as a list: split at commas and semicolons, trimmed, without
 * empty entries and repeats (ignoring case), in the order written.
 */
export function parseList(text: string): string[] {
	const seen = new Set<string>();
	const entries: string[] = [];
	for (const raw of text.split(/[,;\n]/)) {
		const entry = raw.replace(/\s+/g, ' ').trim();
		const key = entry.toLocaleLowerCase('de');
		if (!entry || seen.has(key)) continue;
		seen.add(key);
		entries.push(entry);
	}
	return entries;
}
