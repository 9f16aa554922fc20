import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import { mentoringNotices } from '$test/unit/notices';
import { issueCertificate } from '../certificates/issue';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { setMailPreferences } from '../mail';
import { markRead } from '../notifications';
import { listOffers, MATCHING_URL, requestMentor, saveOffer, withdrawRequest } from '.';

// A learner's request reaches the people who decide it: the trainers of the learner's cohorts,
// or the admins for a learner no trainer leads. The wanted mentor hears of it at confirmation.

let people: Awaited<ReturnType<typeof twoCohorts>>;
let offerId = '';

const mailsTo = (userId: string) =>
	getDb()
		.select({ subject: schema.mailOutbox.subject, text: schema.mailOutbox.textBody })
		.from(schema.mailOutbox)
		.where(eq(schema.mailOutbox.userId, userId))
		.all();

beforeAll(async () => {
	people = await twoCohorts();
	useTemporaryKeyDir();
	issueCertificate(people.learnerB.id, COURSE);
	saveOffer(people.learnerB.id, {
		topics: ['Jobcenter'],
		languages: ['Deutsch'],
		capacity: 2,
		paused: false
	});
	offerId = listOffers(people.learnerA.id).offers[0]!.id;
});

describe('a new mentoring request', () => {
	it('tells the trainers of the learner’s cohort, with a link to the request, by mail too', () => {
		const { learnerA, learnerB, trainer1, trainer2, admin } = people;
		const request = requestMentor(learnerA, offerId, 'Ich brauche Hilfe beim Jobcenter.');
		const pairId = request.ok ? request.pairId : '';
		expect(mentoringNotices(trainer1.id)).toEqual([
			{
				data: expect.objectContaining({ mentoringEvent: 'requested', learnerName: 'a' }),
				link: `${MATCHING_URL}#anfrage-${pairId}`
			}
		]);
		const [mail] = mailsTo(trainer1.id);
		expect(mail?.subject).toBe('a hat ein Mentoring angefragt.');
		expect(mail?.text).toContain('Ich brauche Hilfe beim Jobcenter.');
		expect(mail?.text).toContain(`${MATCHING_URL}#anfrage-${pairId}`);
		// Not those who cannot decide it, and admins only when no trainer leads the learner.
		expect(mentoringNotices(trainer2.id)).toEqual([]);
		expect(mentoringNotices(admin.id)).toEqual([]);
		// The wanted mentor learns of the pair when a trainer confirms it, not before.
		expect(mentoringNotices(learnerB.id)).toEqual([]);
	});

	it('follows each trainer’s mail preference for mentoring', async () => {
		const { trainer1 } = people;
		const learner = await person('c@x.org', 'learner');
		enrol(learner.id, COURSE, 'cohort1');
		setMailPreferences(trainer1.id, { mentoring_update: 'never' });
		expect(requestMentor(learner, null, 'Wer kann mich begleiten?').ok).toBe(true);
		expect(mentoringNotices(trainer1.id)).toHaveLength(2);
		expect(mailsTo(trainer1.id)).toHaveLength(1);
	});

	it('tells the admins when no trainer leads the learner', async () => {
		const learner = await person('d@x.org', 'learner');
		expect(requestMentor(learner, null, 'Ich lerne ohne Lehrgangsgruppe.').ok).toBe(true);
		expect(mentoringNotices(people.admin.id).map((n) => n.link)).toEqual([
			expect.stringContaining(MATCHING_URL)
		]);
		expect(mailsTo(people.admin.id)).toHaveLength(1);
	});

	it('withdrawn, takes back the notice nobody has read; a read one stays', async () => {
		const { trainer1 } = people;
		const learner = await person('e@x.org', 'learner');
		enrol(learner.id, COURSE, 'cohort1');
		const ask = (message: string) => {
			const request = requestMentor(learner, null, message);
			if (!request.ok) throw new Error(request.reason);
			return { pairId: request.pairId, link: `${MATCHING_URL}#anfrage-${request.pairId}` };
		};
		const noticesOf = (link: string) =>
			getDb()
				.select({ id: schema.notifications.id })
				.from(schema.notifications)
				.where(eq(schema.notifications.link, link))
				.all();

		const unread = ask('Doch nicht, danke.');
		expect(noticesOf(unread.link)).toHaveLength(1);
		expect(withdrawRequest(learner, unread.pairId)).toBe(true);
		expect(noticesOf(unread.link)).toEqual([]);

		const read = ask('Ich frage noch einmal.');
		markRead(trainer1.id, noticesOf(read.link)[0]!.id);
		expect(withdrawRequest(learner, read.pairId)).toBe(true);
		expect(noticesOf(read.link)).toHaveLength(1);
	});
});
