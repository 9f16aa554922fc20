import { createDueReminders } from '$lib/server/assignments/reminders';
import { processPasswordResetRequests } from '$lib/server/auth/password-reset';
import { issueDueCertificates, registerCertificateIssuing } from '$lib/server/certificates/issue';
import { initSigningKey } from '$lib/server/certificates/signing';
import { uploadDir } from '$lib/server/config/paths';
import { exitOnStartupProblem, unwritableFolderProblem } from '$lib/server/config/startup';
import { followPublishedVersions } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { isDemoMode, seedDemoData } from '$lib/server/demo/seed';
import {
	atMostEvery,
	registerMailProducer,
	startMailWorker,
	stopMailWorker
} from '$lib/server/mail';
import { queueDailyDigests } from '$lib/server/notifications/digest';
import { runRetention } from '$lib/server/privacy';
import { startContentHistory } from '$lib/server/studio/versions';

/**
 * The server's start after the content check (hooks.server.ts): database, signing key, the
 * hourly and daily jobs, demo data and the mail worker.
 */
export async function startServerJobs(): Promise<void> {
	try {
		getDb();
		// Certificate signing key: generated on first start in KEY_DIR (default data/keys).
		initSigningKey();
	} catch (problem) {
		exitOnStartupProblem(problem);
	}
	// The studio's publishes are commits: CONTENT_DIR becomes a repository on first start. Only
	// after the checks that may stop the start: it holds a lease across processes, and a process
	// that exits holding it makes the next start wait for the lease to run out.
	void startContentHistory().catch((problem) =>
		console.warn('Kursinhalt: Versionsverlauf konnte nicht angelegt werden:', problem)
	);
	// Processes sharing CONTENT_DIR and the database take over each other's publishes.
	followPublishedVersions();
	// Uploads are refused one by one with a message; the operator hears about it at start too.
	const uploads = unwritableFolderProblem(uploadDir(), 'UPLOAD_DIR');
	if (uploads) console.warn(uploads.message);
	registerCertificateIssuing();
	// "Due in 3 days" reminders for everyone, hourly; a dedupe key keeps each one single.
	const remind = () => {
		createDueReminders(new Date());
		void issueDueCertificates(new Date());
	};
	remind();
	setInterval(remind, 60 * 60 * 1000).unref();
	if (isDemoMode()) await seedDemoData();
	// Mail: a bad configuration is logged once here; sending runs in the background and never
	// holds up a request. Without SMTP_URL mails are kept (Postausgang, .eml files).
	// Retention (deletion requests after the grace period, inactive accounts, ended cohorts, old
	// audit entries): at start and daily; idempotent, so several processes may run it.
	const retain = () =>
		void runRetention(new Date())
			.then((run) => {
				if (Object.values(run).some((count) => count > 0)) {
					console.info(
						`Löschfristen: ${run.warned} Hinweis(e), ${run.accountsDeleted} Konto/Konten und ` +
							`${run.cohortDataDeleted} Lehrgangsdaten gelöscht, ${run.eventRegistrationsPurged} alte Veranstaltungsanmeldungen, ${run.auditEntriesPurged} alte Protokolleinträge entfernt.`
					);
				}
			})
			.catch((problem) => console.error('Löschfristen:', problem));
	retain();
	setInterval(retain, 24 * 60 * 60 * 1000).unref();
	registerMailProducer(processPasswordResetRequests);
	registerMailProducer(atMostEvery(10 * 60 * 1000, queueDailyDigests));
	startMailWorker();
	process.once('sveltekit:shutdown', () => void stopMailWorker());
}
