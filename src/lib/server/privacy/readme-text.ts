import type { ExportFile } from './registry';

/** What each file of the export holds, in the words of LIESMICH.txt and the HTML overview. */
export const exportFileDescriptions: Record<ExportFile, string> = {
	'konto.json':
		'Ihr Konto: Name, E-Mail-Adresse (und wann sie bestätigt wurde), Rolle, Anlage- und letzte Anmeldezeit, Sitzungen (ohne Schlüssel), angeforderte Passwort-Links, E-Mail-Änderungen und Links zum Bestätigen der Adresse, ein Löschantrag und Hinweise zur Aufbewahrungsfrist.',
	'lehrgaenge.json':
		'Kurse und Lehrgänge, in die Sie eingeschrieben sind, Ihre Anwesenheit an Präsenztagen, für Sie früher freigeschaltete Module und weitere Quizversuche, die Ihnen Trainer*innen erlaubt haben.',
	'fortschritt.json':
		'Jedes Abschließen und Zurücknehmen einer Lerneinheit mit Zeitpunkt und Anlass (Ihr Lernfortschritt).',
	'quizversuche.json': 'Ihre Quizversuche mit Ihren Antworten, Punkten und Ergebnis.',
	'abgaben.json':
		'Ihre Abgaben zu Praxisaufgaben: Entwurf, alle eingereichten Fassungen, hochgeladene Dateien (im Ordner dateien/) und die Rückmeldungen der Trainer*innen.',
	'zertifikate.json':
		'Ihre Zertifikate mit Nummer, Prüfcode (prüfbar unter /verify) und den aufgedruckten Angaben.',
	'benachrichtigungen.json': 'Die Benachrichtigungen, die Ihnen die Plattform angezeigt hat.',
	'e-mail.json':
		'Ihre E-Mail-Einstellungen (Sprache, Häufigkeit je Thema) und die E-Mails, die die Plattform an Sie geschickt hat oder noch schicken wird.',
	'lerntagebuch.json':
		'Ihr Lerntagebuch: jeder Eintrag mit Datum, Kurs, Reflexionsfrage und ob Sie ihn mit Ihren Trainer*innen geteilt haben.',
	'austausch.json':
		'Ihre Beiträge im Austausch Ihrer Lehrgänge und Alumni-Netzwerke (Themen und Antworten, auch ausgeblendete mit dem Grund), Ihre Meldungen von Beiträgen, Ihre Rollen in kollegialen Fallberatungen, mit Ihrem Lehrgang geteilte Praxisaufgaben (der geteilte Text, solange die Freigabe besteht), wann Sie welches Thema zuletzt gelesen haben, und die Dateien, die Sie an Beiträge angehängt haben (im Ordner dateien/austausch/).',
	'veranstaltungen.json':
		'Ihre Anmeldungen zu Veranstaltungen (z. B. dem Vertiefungstreffen) mit Status und Zeitpunkt, an welchen Tagen Sie dort waren und Ihre Teilnahmebestätigungen mit Prüfcode.',
	'alumni.json':
		'Ihr Alumni-Profil (welche Angaben Sie im Verzeichnis Ihrer Alumni-Netzwerke zeigen) und die Netzwerke, aus denen Sie ausgetreten sind; Ihre Beiträge im Alumni-Austausch stehen in austausch.json.',
	'mentoring.json':
		'Ihr Mentoring: Ihr Angebot als Mentor*in, Ihre Anfragen mit Nachricht und Entscheidung, Ihre Nachrichten und eingetragenen Treffen in den Paaren, denen Sie angehören.',
	'hospitation.json':
		'Ihre Bewerbungen auf Hospitationen mit Motivation, Angebot und Entscheidung.',
	'protokoll.json':
		'Einträge im Protokoll (Audit-Log), die Sie betreffen oder die Sie ausgelöst haben: Zeitpunkt, Aktion, Objekt, IP-Adresse.',
	'als-trainerin.json':
		'Nur für Trainer*innen und Administrator*innen: Lehrgänge, die Sie betreuen oder angelegt haben, Veranstaltungen, die Sie angelegt haben, und wie viele Einladungen, Rückmeldungen, Freischaltungen, erlaubte weitere Quizversuche, Anwesenheitseinträge und Zertifikate von Ihnen stammen (ohne Daten anderer Personen).'
};

export function readmeText(name: string, createdAt: Date): string {
	const lines = [
		'Ihre Daten aus der Lernplattform',
		'================================',
		'',
		`Erstellt am ${createdAt.toISOString()} für ${name}.`,
		'Diese Datei erfüllt Ihr Recht auf Auskunft (Art. 15 DSGVO) und auf Datenübertragbarkeit',
		'(Art. 20 DSGVO). Die JSON-Dateien sind maschinenlesbar; uebersicht.html zeigt dieselben',
		'Daten lesbar im Browser. Zeitangaben sind in UTC (ISO 8601).',
		'',
		'Dateien',
		'-------',
		'uebersicht.html: alle Angaben dieser Datei als Übersicht zum Lesen.',
		...Object.entries(exportFileDescriptions).map(([file, text]) => `${file}: ${text}`),
		'dateien/: die Dateien, die Sie zu Praxisaufgaben hochgeladen haben, je Abgabe ein Ordner.',
		'',
		'Nicht enthalten sind Passwörter (nur als nicht umkehrbarer Hashwert gespeichert) und',
		'Schlüssel von Sitzungen und Links. Fragen richten Sie an die Datenschutzbeauftragte*n Ihres',
		'Trägers; mehr unter /datenschutz.',
		''
	];
	return lines.join('\r\n');
}
