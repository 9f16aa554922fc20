import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { createUser } from '../auth/users';
import { enrol } from '../cohorts/enrolment';
import { getDb, schema } from '../db';
import { describeNotification } from '../notifications/describe';
import {
	addReply,
	createThread,
	editPost,
	highlightMentions,
	listPosts,
	mentionableKeys,
	mentionablePeople
} from '.';
import { renderUserMarkdown } from '../assignments/markdown';
import { getThread } from './threads';

let people: Awaited<ReturnType<typeof twoCohorts>>;
let maria: SessionUser;
let jonas: SessionUser;
let clock = Date.now();
const tick = () => new Date((clock += 1000));

async function named(email: string, name: string): Promise<SessionUser> {
	const user = await createUser({ email, name, password: 'pw-pw-pw-pw-1', role: 'learner' });
	return { id: user.id, name: user.name, email: user.email, role: user.role };
}

beforeAll(async () => {
	people = await twoCohorts();
	maria = await named('maria@x.org', 'Maria Müller-Şahin');
	jonas = await named('jonas@x.org', 'Jonas & <b>Co</b>');
	enrol(maria.id, COURSE, 'cohort1');
	enrol(jonas.id, COURSE, 'cohort1');
});

const mentionsOf = (userId: string) =>
	getDb()
		.select()
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'discussion_mention')
			)
		)
		.all();
const repliesOf = (userId: string) =>
	getDb()
		.select()
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'discussion_reply')
			)
		)
		.all();
const start = (author: SessionUser, body: string) =>
	createThread(
		author,
		'cohort1',
		{ title: 'Fallfrage', body, moduleId: null, itemId: null },
		tick()
	);

describe('who can be mentioned', () => {
	it('lists the cohort’s learners and trainers, not another cohort’s or admins', () => {
		const ids = mentionablePeople('cohort1').map((person) => person.id);
		expect(ids).toEqual(
			expect.arrayContaining([people.learnerA.id, people.trainer1.id, maria.id, jonas.id])
		);
		expect(ids).not.toContain(people.learnerB.id);
		expect(ids).not.toContain(people.trainer2.id);
		expect(ids).not.toContain(people.admin.id);
	});
});

describe('mention notices', () => {
	it('tells a mentioned member once, by name with spaces and in any case', () => {
		const before = mentionsOf(maria.id).length;
		start(people.learnerA, 'Was meinst du, @[maria müller-şahin]? Und @[Maria  Müller-Şahin]');
		const notices = mentionsOf(maria.id);
		expect(notices).toHaveLength(before + 1);
		expect(
			describeNotification({ kind: 'discussion_mention', data: notices.at(-1)!.data }, 'de')
		).toBe('a hat Sie im Thema „Fallfrage“ erwähnt');
	});

	it('tells nobody outside the cohort, and not the author', () => {
		const outsider = mentionsOf(people.learnerB.id).length;
		const self = mentionsOf(people.learnerA.id).length;
		start(people.learnerA, 'Hallo @[b] und @[t2] und @[a] und @[admin]');
		expect(mentionsOf(people.learnerB.id)).toHaveLength(outsider);
		expect(mentionsOf(people.learnerA.id)).toHaveLength(self);
		expect(mentionsOf(people.admin.id)).toHaveLength(0);
	});

	it('gives a mentioned participant the mention instead of a second, reply notice', () => {
		const id = start(maria, 'Meine Frage');
		const replies = repliesOf(maria.id).length;
		const mentions = mentionsOf(maria.id).length;
		addReply(people.trainer1, id, 'Gute Frage, @[Maria Müller-Şahin]!', tick());
		expect(mentionsOf(maria.id)).toHaveLength(mentions + 1);
		expect(repliesOf(maria.id)).toHaveLength(replies);
	});

	it('tells someone first named in an edit, and nobody twice', () => {
		const id = start(people.learnerA, 'Ohne Namen');
		const post = listPosts(id, 1).rows[0]!;
		const before = mentionsOf(maria.id).length;
		const thread = getThread('cohort1', id)!;
		editPost(people.learnerA, thread, post.id, 'Jetzt mit @[Maria Müller-Şahin]', tick());
		editPost(people.learnerA, thread, post.id, 'Nochmals @[Maria Müller-Şahin]', tick());
		expect(mentionsOf(maria.id)).toHaveLength(before + 1);
	});
});

describe('showing mentions', () => {
	const names = () => mentionableKeys(mentionablePeople('cohort1'));
	const shown = (markdown: string) =>
		renderUserMarkdown(markdown, (tree) => highlightMentions(tree, names()));

	it('marks a cohort person’s name and leaves other brackets as text', () => {
		expect(shown('Hallo @[Maria Müller-Şahin] und @[Niemand]')).toBe(
			'<p>Hallo <strong class="mention">@Maria Müller-Şahin</strong> und @[Niemand]</p>'
		);
	});

	it('keeps markup in a name as text and touches no code', () => {
		const html = shown(
			'@[Jonas & \\<b>Co\\</b>] schreibt `@[Maria Müller-Şahin]`\n\n```\n@[Maria Müller-Şahin]\n```'
		);
		expect(html).toContain('<strong class="mention">@Jonas &#x26; &#x3C;b>Co&#x3C;/b></strong>');
		expect(html).not.toContain('<b>');
		expect(html).toContain('<code>@[Maria Müller-Şahin]</code>');
		expect(html).toContain('<pre><code>@[Maria Müller-Şahin]\n</code></pre>');
	});

	it('never marks inside an attribute, so a title cannot close it and add elements', () => {
		const title =
			'x>@[Maria Müller-Şahin]<form action=/admin method=post><button>x</button></form>';
		const alt = '@[Maria Müller-Şahin]<meta http-equiv=refresh>';
		// An image is shown as a link named by its description (text, so a mention there is marked).
		expect(shown(`[mehr](https://example.org '${title}') ![${alt}](bild.png)`)).toBe(
			`<p><a href="https://example.org" title="${title}">mehr</a> <a href="bild.png"><strong class="mention">@Maria Müller-Şahin</strong>&#x3C;meta http-equiv=refresh></a></p>`
		);
	});
});
