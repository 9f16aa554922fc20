import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { canManageCohort } from '../cohorts/access';
import { getEnrolment } from '../cohorts/enrolment';
import { getCourse, getItem } from '../content';
import { getDb } from '../db';
import { journalEntries } from '../db/schema';
import { withoutControls } from '../validation/text';
import { pageOfQuery } from '../db/paging';

export const BODY_MAX = 20_000;
export const PROMPT_MAX = 500;
export const JOURNAL_PAGE_SIZE = 20;

export type JournalEntry = typeof journalEntries.$inferSelect;

export const journalEntrySchema = () =>
	z.object({
		body: z
			.string()
			.overwrite((text) => withoutControls(text).replace(/\r\n/g, '\n'))
			.trim()
			.min(1, m.journal_error_body())
			.max(BODY_MAX, m.journal_error_too_long({ max: BODY_MAX })),
		itemId: z.string().max(300).default('')
	});

/** The lesson's reflection question and its course, when the entry answers one. */
function promptOf(itemId: string) {
	const item = itemId ? getItem(itemId) : undefined;
	if (!item || item.type !== 'lesson' || !item.reflection) return null;
	return { itemId: item.id, courseId: item.courseId, prompt: item.reflection.slice(0, PROMPT_MAX) };
}

export function promptForItem(itemId: string) {
	const prompt = promptOf(itemId);
	return prompt ? { ...prompt, itemTitle: getItem(prompt.itemId)?.title ?? '' } : null;
}

export function listEntries(userId: string, page = 1) {
	const db = getDb();
	const where = eq(journalEntries.userId, userId);
	return pageOfQuery(
		db.select({ n: count() }).from(journalEntries).where(where),
		db.select().from(journalEntries).where(where).orderBy(desc(journalEntries.createdAt)),
		page,
		JOURNAL_PAGE_SIZE
	);
}

/** Only the owner reads an entry here; shared entries reach trainers through sharedWith. */
export function getOwnEntry(userId: string, id: string): JournalEntry | undefined {
	return getDb()
		.select()
		.from(journalEntries)
		.where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
		.get();
}

export function createEntry(
	userId: string,
	input: { body: string; itemId: string },
	now = new Date()
) {
	const prompt = promptOf(input.itemId);
	const id = generateId();
	getDb()
		.insert(journalEntries)
		.values({
			id,
			userId,
			courseId: prompt?.courseId ?? null,
			itemId: prompt?.itemId ?? null,
			prompt: prompt?.prompt ?? null,
			body: input.body,
			createdAt: now,
			updatedAt: now
		})
		.run();
	return id;
}

export function updateEntry(userId: string, id: string, body: string, now = new Date()): boolean {
	const result = getDb()
		.update(journalEntries)
		.set({ body, updatedAt: now })
		.where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
		.run();
	return result.changes === 1;
}

export function deleteEntry(userId: string, id: string): boolean {
	const result = getDb()
		.delete(journalEntries)
		.where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
		.run();
	return result.changes === 1;
}

export type ShareResult = { ok: true } | { ok: false; reason: 'not_found' | 'no_cohort' };

/**
 * Shares an entry with the trainers of the learner's cohort in the entry's course, or takes the
 * share back. Entries without a course, or in a course without a cohort, have nobody to go to.
 */
export function setShared(
	userId: string,
	id: string,
	shared: boolean,
	now = new Date()
): ShareResult {
	const entry = getOwnEntry(userId, id);
	if (!entry) return { ok: false, reason: 'not_found' };
	if (shared && !(entry.courseId && getEnrolment(userId, entry.courseId)?.cohortId)) {
		return { ok: false, reason: 'no_cohort' };
	}
	getDb()
		.update(journalEntries)
		.set({ sharedAt: shared ? now : null })
		.where(eq(journalEntries.id, id))
		.run();
	return { ok: true };
}

/** Whether the entry could be shared: it belongs to a course the learner takes in a cohort. */
export function canShare(userId: string, entry: Pick<JournalEntry, 'courseId'>): boolean {
	return !!entry.courseId && !!getEnrolment(userId, entry.courseId)?.cohortId;
}

/** One of the owner's entries as their journal pages show it. */
export function ownEntryView(userId: string, entry: JournalEntry) {
	return {
		id: entry.id,
		body: entry.body,
		prompt: entry.prompt,
		courseTitle: entry.courseId ? (getCourse(entry.courseId)?.title ?? null) : null,
		createdAt: entry.createdAt,
		shared: entry.sharedAt !== null,
		canShare: canShare(userId, entry)
	};
}

/**
 * Entries a learner shared in courses where the viewer runs the learner's cohort: the only way a
 * trainer (or admin) sees a journal entry.
 */
export function sharedWith(viewer: SessionUser, learnerId: string): JournalEntry[] {
	if (viewer.role !== 'trainer' && viewer.role !== 'admin') return [];
	return getDb()
		.select()
		.from(journalEntries)
		.where(and(eq(journalEntries.userId, learnerId), isNotNull(journalEntries.sharedAt)))
		.orderBy(desc(journalEntries.createdAt))
		.all()
		.filter((entry) => {
			const cohortId = entry.courseId && getEnrolment(learnerId, entry.courseId)?.cohortId;
			return !!cohortId && canManageCohort(viewer, cohortId);
		});
}

/** Shared entries of one learner in the course of one cohort (the trainer's learner page). */
export function sharedInCohort(viewer: SessionUser, learnerId: string, cohortId: string) {
	return sharedWith(viewer, learnerId).filter(
		(entry) => getEnrolment(learnerId, entry.courseId!)?.cohortId === cohortId
	);
}

/** The whole journal as one Markdown document (the learner's own export). */
export function journalAsMarkdown(userId: string, format: (date: Date) => string): string {
	const entries = getDb()
		.select()
		.from(journalEntries)
		.where(eq(journalEntries.userId, userId))
		.orderBy(journalEntries.createdAt)
		.all();
	const parts = entries.map((entry) => {
		const course = entry.courseId ? getCourse(entry.courseId)?.title : undefined;
		const heading = [format(entry.createdAt), course].filter(Boolean).join(' – ');
		const prompt = entry.prompt ? `> ${entry.prompt.replace(/\n/g, '\n> ')}\n\n` : '';
		return `## ${heading}\n\n${prompt}${entry.body}\n`;
	});
	return `# ${m.journal_title()}\n\n${parts.join('\n')}`;
}
