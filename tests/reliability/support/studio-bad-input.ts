import type { BadInputCase } from './bad-input';

// The studio's forms (the demo trainer may author the IKBO course) and the admin's grant.

const COURSE = '/studio/81-probe-ikbo';
const LESSON = 'courses/81-probe-ikbo/01-rolle-und-auftrag/02-auftrag-klaeren.md';
const PNG_NAME = 'bild.png';

function media(fields: { name?: string; bytes?: Uint8Array; alt?: string }): () => FormData {
	return () => {
		const form = new FormData();
		form.set('modul', '01-rolle-und-auftrag');
		form.set('alt', fields.alt ?? '');
		if (fields.name) {
			const bytes = fields.bytes ? Buffer.from(fields.bytes) : 'kein Bild';
			form.set('datei', new File([bytes], fields.name, { type: 'image/png' }));
		}
		return form;
	};
}

const PNG = new Uint8Array(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
		'base64'
	)
);

export const studioCases = (learnerId: string): BadInputCase[] => [
	{
		name: 'studio: a module without a title',
		as: 'trainer',
		path: `${COURSE}?/modul`,
		fields: { titel: ' !!! ' },
		message: 'Bitte geben Sie einen Titel'
	},
	{
		name: 'studio: a page of an unknown kind',
		as: 'trainer',
		path: `${COURSE}?/seite`,
		fields: { modul: '01-rolle-und-auftrag', art: 'skript', titel: 'Neu' },
		message: 'Bitte wählen Sie, was Sie anlegen möchten'
	},
	{
		name: 'studio: a page in a module that does not exist',
		as: 'trainer',
		path: `${COURSE}?/seite`,
		fields: { modul: '99-nirgends', art: 'lesson', titel: 'Neu' },
		message: 'Diese Seite gibt es nicht'
	},
	{
		name: 'studio: moving a page that does not exist',
		as: 'trainer',
		path: `${COURSE}?/verschieben`,
		fields: { datei: 'courses/81-probe-ikbo/99-x/01-y.md', richtung: 'hoch' },
		message: 'Diese Seite gibt es nicht'
	},
	{
		name: 'studio: deleting a path outside the course',
		as: 'trainer',
		path: `${COURSE}?/loeschen`,
		fields: { datei: '../../../etc/passwd' },
		message: 'Diese Seite gibt es nicht'
	},
	{
		name: 'studio: publishing without a description',
		as: 'trainer',
		path: `${COURSE}/veroeffentlichen?/veroeffentlichen`,
		fields: { nachricht: '   ' },
		message: 'Bitte beschreiben Sie kurz'
	},
	{
		name: 'studio: publishing without changes',
		as: 'trainer',
		path: `${COURSE}/veroeffentlichen?/veroeffentlichen`,
		fields: { nachricht: 'Nichts' },
		message: 'Es gibt nichts zu veröffentlichen'
	},
	{
		name: 'studio: choosing a version of a file without a conflict',
		as: 'trainer',
		path: `${COURSE}/veroeffentlichen?/konflikt`,
		fields: { datei: LESSON, behalten: 'meine' },
		message: 'Diese Seite gibt es nicht'
	},
	{
		name: 'studio: saving settings that are not YAML',
		as: 'trainer',
		path: `${COURSE}/bearbeiten?datei=${encodeURIComponent(LESSON)}&/speichern`,
		fields: { titel: 'Titel', angaben: 'downloads: [', text: '## Text' },
		message: 'kein gültiges YAML'
	},
	{
		name: 'studio: settings whose YAML nests a mapping on one line (said in German)',
		as: 'trainer',
		path: `${COURSE}/bearbeiten?datei=${encodeURIComponent(LESSON)}&/speichern`,
		fields: { titel: 'Titel', angaben: 'a: b: c', text: '## Text' },
		message: 'kein gültiges YAML (Zeile 1, Spalte 4)'
	},
	{
		name: 'studio: settings that are a list, not keys',
		as: 'trainer',
		path: `${COURSE}/bearbeiten?datei=${encodeURIComponent(LESSON)}&/speichern`,
		fields: { titel: 'Titel', angaben: '- liste', text: '## Text' },
		message: 'Zeilen der Form „schlüssel: wert“'
	},
	{
		name: 'studio: a page text over the limit is refused, not cut and saved',
		as: 'trainer',
		path: `${COURSE}/bearbeiten?datei=${encodeURIComponent(LESSON)}&/speichern`,
		fields: { titel: 'Titel', angaben: '', text: `## Text\n\n${'A'.repeat(200_001)}` },
		message: 'ist zu lang: höchstens 200000 Zeichen'
	},
	{
		name: 'studio: a module title over the limit',
		as: 'trainer',
		path: `${COURSE}?/modul`,
		fields: { titel: 'Modul '.repeat(40) },
		message: 'Der Titel ist zu lang'
	},
	{
		name: 'studio: a module that exists, with the typed title kept in the form',
		as: 'trainer',
		path: `${COURSE}?/modul`,
		fields: { titel: 'Rolle und Auftrag' },
		message: 'value="Rolle und Auftrag"'
	},
	{
		name: 'studio: a page that exists, with the typed title and kind kept in the form',
		as: 'trainer',
		path: `${COURSE}?/seite`,
		fields: { modul: '01-rolle-und-auftrag', art: 'quiz', titel: 'Auftrag klären' },
		message: 'value="Auftrag klären"'
	},
	{
		name: 'studio: a publish description over the limit',
		as: 'trainer',
		path: `${COURSE}/veroeffentlichen?/veroeffentlichen`,
		fields: { nachricht: 'x'.repeat(501) },
		message: 'Die Beschreibung ist zu lang'
	},
	{
		name: 'studio: an image with an alt text over the limit',
		as: 'trainer',
		path: `${COURSE}/medien?/hochladen`,
		fields: media({ name: PNG_NAME, bytes: PNG, alt: 'Bild '.repeat(61) }),
		message: 'Der Alternativtext ist zu lang'
	},
	{
		name: 'studio: uploading without a file',
		as: 'trainer',
		path: `${COURSE}/medien?/hochladen`,
		fields: media({}),
		message: 'Bitte wählen Sie eine Datei aus'
	},
	{
		name: 'studio: uploading text named .png',
		as: 'trainer',
		path: `${COURSE}/medien?/hochladen`,
		fields: media({ name: PNG_NAME, alt: 'Ein Bild' }),
		message: 'passt nicht zur Dateiendung'
	},
	{
		name: 'studio: uploading an image without alt text',
		as: 'trainer',
		path: `${COURSE}/medien?/hochladen`,
		fields: media({ name: PNG_NAME, bytes: PNG }),
		message: 'Bitte beschreiben Sie das Bild'
	},
	{
		name: 'admin: the studio right for a learner',
		as: 'admin',
		path: `/admin/benutzer/${learnerId}?/authoring`,
		fields: { kurs: 'probe-ikbo', recht: 'geben' },
		message: 'Nur Trainer*innen können dieses Recht bekommen'
	}
];
