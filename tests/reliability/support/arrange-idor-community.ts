import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IKBO, type IdorWorld } from './arrange-idor';

// The Austausch, alumni, mentoring and Hospitation rows of the IDOR world: each belongs to the
// owner (learner A) or their cohort, so every other visitor must be refused.
export const COHORT_THREAD = 'thrdownercohort2';
export const ALUMNI_THREAD = 'thrdowneralumni2';
export const CASE_THREAD = 'thrdcasecohort23';
export const SHARED_THREAD = 'thrdownershared2';
export const SHARED_TEXT = 'Geteilter vertraulicher Auszug';
export const COHORT_ATTACHMENT = 'attcownercohort2';
export const ALUMNI_ATTACHMENT = 'attcowneralumni2';
export const MENTORING_PAIR = 'pairownermentor2';
export const HOSPITATION_ORGANISATION = 'hospitationorg22';
export const HOSPITATION_OFFER = 'hospitationoffer';

export function arrangeCommunity(
	writer: Database.Database,
	world: IdorWorld,
	uploadsDir: string
): void {
	// A thread in the owner's cohort: its members, trainers and admins read it, nobody else.
	writer
		.prepare(
			'insert into discussion_threads (id, cohort_id, title, author_id, last_post_at) values (?, ?, ?, ?, ?)'
		)
		.run(COHORT_THREAD, world.cohortA, 'Frage im Lehrgang', world.learnerA, Date.now());
	writer
		.prepare('insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)')
		.run('postownercohort2', COHORT_THREAD, world.learnerA, 'Vertraulicher Austausch im Lehrgang');
	// A kollegiale Fallberatung in the owner's cohort: the owner gives the case, the cohort's
	// trainer moderates; as any thread of the cohort, and only its trainers steer or change roles.
	writer
		.prepare(
			'insert into discussion_threads (id, cohort_id, title, author_id, last_post_at) values (?, ?, ?, ?, ?)'
		)
		.run(CASE_THREAD, world.cohortA, 'Fallberatung im Lehrgang', world.learnerA, Date.now());
	writer
		.prepare('insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)')
		.run('postcasecohort23', CASE_THREAD, world.learnerA, 'Vertrauliche Fallberatung');
	writer
		.prepare(
			`insert into case_consultations (thread_id, case_giver_id, moderator_id, phase, phase_changed_at)
			 values (?, ?, (select id from users where email = 'trainerin@example.org'), 2, ?)`
		)
		.run(CASE_THREAD, world.learnerA, Date.now());
	// The owner's Praxisaufgabe shared with their cohort: the same readers as the cohort's threads.
	writer
		.prepare(
			'insert into discussion_threads (id, cohort_id, title, author_id, last_post_at) values (?, ?, ?, ?, ?)'
		)
		.run(SHARED_THREAD, world.cohortA, 'Praxisaufgabe geteilt', world.learnerA, Date.now());
	writer
		.prepare('insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)')
		.run('postownershared2', SHARED_THREAD, world.learnerA, 'Frage an die Gruppe');
	writer
		.prepare(
			'insert into shared_submissions (thread_id, submission_id, author_id, text, excerpt) values (?, ?, ?, ?, 1)'
		)
		.run(SHARED_THREAD, world.submissionId, world.learnerA, SHARED_TEXT);
	// The course's alumni area and directory (the owner is an alumna once certified below).
	writer
		.prepare(
			'insert into discussion_threads (id, title, author_id, last_post_at) values (?, ?, ?, ?)'
		)
		.run(ALUMNI_THREAD, 'Alumni-Treffen', world.learnerA, Date.now());
	writer
		.prepare('insert into alumni_threads (thread_id, course_id) values (?, ?)')
		.run(ALUMNI_THREAD, IKBO);
	writer
		.prepare('insert into discussion_posts (id, thread_id, author_id, body) values (?, ?, ?, ?)')
		.run('postowneralumni2', ALUMNI_THREAD, world.learnerA, 'Vertraulicher Alumni-Austausch');
	// A file on each of the two posts: downloadable by exactly those who read the post.
	const attachment = (id: string, postId: string, storedName: string) => {
		const pdf = Buffer.from('%PDF-1.4\n% Vertraulicher Anhang\n%%EOF\n');
		writeFileSync(join(uploadsDir, storedName), pdf);
		writer
			.prepare(
				`insert into discussion_attachments (id, post_id, uploader_id, stored_name, original_name, mime_type, size)
				 values (?, ?, ?, ?, 'plan.pdf', 'application/pdf', ?)`
			)
			.run(id, postId, world.learnerA, storedName, pdf.length);
	};
	attachment(COHORT_ATTACHMENT, 'postownercohort2', 'cohortattachmentcohortattachment');
	attachment(ALUMNI_ATTACHMENT, 'postowneralumni2', 'alumniattachmentalumniattachment');
	writer
		.prepare(
			`insert into alumni_profiles (user_id, visible, show_name, organisation, show_organisation, updated_at)
			 values (?, 1, 1, 'Verborgene Alumni-Organisation', 1, ?)`
		)
		.run(world.learnerA, Date.now());
	// A mentoring pair: the owner as mentee, the other cohort's learner as mentor. Only the two.
	writer
		.prepare(
			"insert into mentoring_pairs (id, mentee_id, mentor_id, message, status) values (?, ?, ?, 'Bitte begleiten', 'confirmed')"
		)
		.run(MENTORING_PAIR, world.learnerA, world.learnerB.id);
	writer
		.prepare('insert into mentoring_messages (id, pair_id, author_id, body) values (?, ?, ?, ?)')
		.run('msgownermentor22', MENTORING_PAIR, world.learnerA, 'Vertrauliche Mentoring-Nachricht');
	// A Hospitation organisation and offer: only admins edit, close or delete them.
	writer
		.prepare(
			"insert into hospitation_organisations (id, name, district, address, contact) values (?, 'Amt', 'Mitte', 'Weg 1', 'Interne Durchwahl 4711')"
		)
		.run(HOSPITATION_ORGANISATION);
	writer
		.prepare(
			"insert into hospitation_offers (id, organisation_id, title, description, places, starts_on, ends_on) values (?, ?, 'Bürgeramt', 'Eine Woche', 2, '2026-07-01', '2026-07-05')"
		)
		.run(HOSPITATION_OFFER, HOSPITATION_ORGANISATION);
}
