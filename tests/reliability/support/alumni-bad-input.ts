import type { BadInputCase } from './bad-input';

// The alumni forms: the profile, leaving and rejoining a network, and the course's alumni
// area (the demo trainer moderates it; the demo learner holds no certificate there).

const IKBO = 'probe-ikbo';
const NOT_FOUND = 'Seite nicht gefunden';
const LIST = 'Höchstens 10 Einträge, durch Kommas getrennt';

export const alumniCases = (cohortThreadId: string): BadInputCase[] => {
	const profile = { contact: 'none', organisation: '', languages: '', topics: '', phone: '' };
	const area = `/alumni/${IKBO}/austausch`;
	const thread = { title: 'Alumni-Treffen', body: 'Wer kommt?', moduleId: '', itemId: '' };
	return [
		{
			name: 'alumni: an organisation that is too long',
			as: 'learner',
			path: '/alumni/profil',
			fields: { ...profile, organisation: 'x'.repeat(121) },
			message: 'höchstens 120 Zeichen',
			status: 400
		},
		{
			name: 'alumni: eleven languages',
			as: 'learner',
			path: '/alumni/profil',
			fields: {
				...profile,
				languages: Array.from({ length: 11 }, (_, n) => `Sprache${n}`).join(', ')
			},
			message: LIST,
			status: 400
		},
		{
			name: 'alumni: a topic that is markup',
			as: 'learner',
			path: '/alumni/profil',
			fields: { ...profile, topics: '<script>alert(1)</script>' },
			message: LIST,
			status: 400
		},
		{
			name: 'alumni: a contact choice that is not offered',
			as: 'learner',
			path: '/alumni/profil',
			fields: { ...profile, contact: 'fax' },
			message: 'Wählen Sie eine der angebotenen Kontaktmöglichkeiten.',
			status: 400
		},
		{
			name: 'alumni: phone contact without a phone number',
			as: 'learner',
			path: '/alumni/profil',
			fields: { ...profile, contact: 'phone' },
			message: 'Geben Sie eine Telefonnummer aus Ziffern an',
			status: 400
		},
		{
			name: 'alumni: an organisation shown but not given',
			as: 'learner',
			path: '/alumni/profil',
			fields: { ...profile, showOrganisation: 'ja' },
			message: 'Geben Sie eine Organisation an oder zeigen Sie keine.',
			status: 400
		},
		{
			name: 'alumni: leaving a network one does not belong to',
			as: 'learner',
			path: '/alumni?/austreten',
			fields: { courseId: IKBO },
			message: 'Zu diesem Kurs gibt es für Sie kein Alumni-Netzwerk.',
			status: 400
		},
		{
			name: 'alumni: rejoining an unknown course’s network',
			as: 'learner',
			path: '/alumni?/beitreten',
			fields: { courseId: 'gibt-es-nicht' },
			message: 'Zu diesem Kurs gibt es für Sie kein Alumni-Netzwerk.',
			status: 400
		},
		{
			name: 'alumni area: a thread without a title',
			as: 'trainer',
			path: `${area}/neu`,
			fields: { ...thread, title: ' ' },
			message: 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein.',
			status: 400
		},
		{
			name: 'alumni area: a thread by a learner without a certificate',
			as: 'learner',
			path: `${area}/neu`,
			fields: thread,
			message: NOT_FOUND,
			status: 404
		},
		{
			name: 'alumni area: a reply to a cohort’s thread through the alumni address',
			as: 'trainer',
			path: `${area}/${cohortThreadId}?/antworten`,
			fields: { body: 'Antwort' },
			message: NOT_FOUND,
			status: 404
		}
	];
};
