import { beforeAll, describe, expect, it } from 'vitest';
import { twoCohorts } from '$test/unit/assignment-helpers';
import type { SessionUser } from '../auth/session';
import { addReply, createThread, getPost, hidePost } from '.';
import { searchExcerpt, searchParam, searchThreads, type SearchViewer } from './search';
import { getThread } from './threads';

let people: Awaited<ReturnType<typeof twoCohorts>>;

beforeAll(async () => {
	people = await twoCohorts();
});

const start = (author: SessionUser, title: string, body: string, cohortId = 'cohort1') =>
	createThread(author, cohortId, { title, body, moduleId: null, itemId: null });
const later = () => new Date(Date.now() + 1000);
const member = () => ({ id: people.learnerA.id, role: 'member' as const });
const moderator = () => ({ id: people.trainer1.id, role: 'moderator' as const });
const titlesFound = (term: string, viewer: SearchViewer = member(), cohortId = 'cohort1') =>
	searchThreads(cohortId, viewer, term, 1).rows.map((row) => row.title);

describe('searching the cohort’s Austausch', () => {
	it('finds threads by title and by the text of a reply, in any letter case', () => {
		start(people.learnerA, 'Gesprächsleitfaden Kolibri', 'Wie fange ich an?');
		const other = start(people.learnerA, 'Eine ganz andere Frage', 'Erste Frage');
		const reply = addReply(people.trainer1, other, 'Schauen Sie beim *Pelikan* nach.', later());
		if (!reply.ok) throw new Error('reply failed');
		expect(titlesFound('kolibri')).toEqual(['Gesprächsleitfaden Kolibri']);
		expect(titlesFound('KOLIBRI')).toEqual(['Gesprächsleitfaden Kolibri']);
		const [hit] = searchThreads('cohort1', member(), 'PELIKAN', 1).rows;
		expect(hit?.title).toBe('Eine ganz andere Frage');
		expect(hit?.postId).toBe(reply.postId);
		expect(searchExcerpt(hit!.body!, 'PELIKAN')).toBe('Schauen Sie beim Pelikan nach.');
	});

	it('folds the case of umlauts too, which SQLite’s LIKE does not', () => {
		start(people.learnerA, 'ÄRGER MIT DER ÜBERGABE', 'Öffnungszeiten im Büro');
		expect(titlesFound('ärger mit')).toEqual(['ÄRGER MIT DER ÜBERGABE']);
		expect(titlesFound('übergabe')).toEqual(['ÄRGER MIT DER ÜBERGABE']);
		const [hit] = searchThreads('cohort1', member(), 'ÖFFNUNGSZEITEN', 1).rows;
		expect(hit?.title).toBe('ÄRGER MIT DER ÜBERGABE');
		expect(titlesFound('%ÜBER%')).toEqual([]);
	});

	it('never returns a thread of another cohort', () => {
		start(people.learnerB, 'Zebrastreifen im Lehrgang 2', 'Zebrastreifen überall', 'cohort2');
		expect(titlesFound('Zebrastreifen')).toEqual([]);
		expect(
			titlesFound('Zebrastreifen', { id: people.learnerB.id, role: 'member' }, 'cohort2')
		).toEqual(['Zebrastreifen im Lehrgang 2']);
	});

	it('hides a hidden post from members, not from moderators or its author', () => {
		const id = start(people.trainer1, 'Ablauf der Woche', 'Bitte lesen.');
		const reply = addReply(people.learnerA, id, 'Werbung für Flamingo-Kurse', later());
		if (!reply.ok) throw new Error('reply failed');
		hidePost(people.trainer1, getThread('cohort1', id)!, getPost(id, reply.postId)!, 'Werbung');
		const otherMember = { id: 'someone-else', role: 'member' as const };
		expect(titlesFound('Flamingo', otherMember)).toEqual([]);
		expect(titlesFound('Flamingo', moderator())).toEqual(['Ablauf der Woche']);
		expect(titlesFound('Flamingo', member())).toEqual(['Ablauf der Woche']);
	});

	it('takes % and _ in the term literally', () => {
		start(people.learnerA, 'Rabatt 50% beim Kurs', 'Gilt für alle');
		start(people.learnerA, 'Datei namens bericht_final', 'Anhang');
		start(people.learnerA, 'Rabatt 50 Euro', 'berichtXfinal');
		expect(titlesFound('50%')).toEqual(['Rabatt 50% beim Kurs']);
		expect(titlesFound('t_f')).toEqual(['Datei namens bericht_final']);
		expect(titlesFound('%%')).toEqual([]);
	});
});

describe('the excerpt of a hit', () => {
	it('is plain text around the term, without Markdown or HTML', () => {
		const body = `${'Vorrede '.repeat(20)}<b onclick="x()">**Eule**</b> und ${'Nachwort '.repeat(20)}`;
		const excerpt = searchExcerpt(body, 'eule');
		expect(excerpt).toContain('Eule');
		expect(excerpt).not.toMatch(/[<>*]/);
		expect(excerpt.startsWith('… ')).toBe(true);
		expect(excerpt.endsWith(' …')).toBe(true);
		expect(excerpt.length).toBeLessThan(150);
	});
});

describe('the ?suche= parameter', () => {
	const parse = (query: string) => searchParam(new URLSearchParams(query));

	it('is no search when missing or blank', () => {
		expect(parse('')).toEqual({ kind: 'none' });
		expect(parse('suche=%20%20')).toEqual({ kind: 'none' });
	});

	it('accepts 2 to 100 characters, trimmed', () => {
		expect(parse('suche=%20ab%20')).toEqual({ kind: 'term', term: 'ab' });
		expect(parse(`suche=${'ä'.repeat(100)}`)).toEqual({ kind: 'term', term: 'ä'.repeat(100) });
	});

	it('explains in German when the term is too short or too long', () => {
		expect(parse('suche=a')).toMatchObject({
			kind: 'invalid',
			message: 'Bitte geben Sie mindestens 2 Zeichen ein.'
		});
		expect(parse(`suche=${'x'.repeat(101)}`)).toMatchObject({
			kind: 'invalid',
			value: 'x'.repeat(100),
			message: 'Bitte geben Sie höchstens 100 Zeichen ein.'
		});
	});

	it('uses the first of repeated parameters', () => {
		expect(parse('suche=Eule&suche=x')).toEqual({ kind: 'term', term: 'Eule' });
		expect(parse('suche=x&suche=Eule')).toMatchObject({ kind: 'invalid' });
	});
});
