import { atLeast, type Role } from '$lib/auth/roles';
import { m } from '$lib/paraglide/messages.js';

export interface NavLink {
	href: string;
	label: string;
}

/**
 * The main menu of a signed-in user, labelled in the request's language. The root layout builds
 * it on the server, so the browser gets the links of its own role as data instead of every
 * role's labels in both languages as JavaScript on every page.
 */
export function navLinks(role: Role, studio: boolean, alumni = false): NavLink[] {
	const all: (NavLink & { min: Role })[] = [
		{ href: '/', label: m.common_nav_overview(), min: 'learner' },
		{ href: '/kurse', label: m.common_nav_courses(), min: 'learner' },
		{ href: '/glossar', label: m.glossary_nav(), min: 'learner' },
		{ href: '/zertifikate', label: m.certificates_nav_my(), min: 'learner' },
		{ href: '/tagebuch', label: m.journal_nav(), min: 'learner' },
		{ href: '/veranstaltungen', label: m.events_nav(), min: 'learner' },
		{ href: '/mentoring', label: m.mentoring_nav(), min: 'learner' },
		{ href: '/hospitation', label: m.hospitation_nav(), min: 'learner' },
		{ href: '/trainer/lehrgaenge', label: m.common_nav_cohorts(), min: 'trainer' },
		{ href: '/trainer/abgaben', label: m.common_nav_reviews(), min: 'trainer' },
		{ href: '/trainer/quiz', label: m.common_nav_quiz_stats(), min: 'trainer' },
		{ href: '/trainer/zertifikate', label: m.certificates_nav_manage(), min: 'trainer' },
		{ href: '/trainer/veranstaltungen', label: m.events_nav_manage(), min: 'trainer' },
		{ href: '/einladungen', label: m.common_nav_invites(), min: 'trainer' },
		{ href: '/admin/benutzer', label: m.common_nav_users(), min: 'admin' },
		{ href: '/admin/kurse', label: m.common_nav_course_settings(), min: 'admin' },
		{ href: '/admin/inhalte', label: m.authoring_nav_content(), min: 'admin' },
		{ href: '/admin/einstellungen', label: m.certificates_nav_settings(), min: 'admin' },
		{ href: '/admin/postausgang', label: m.mail_outbox_nav(), min: 'admin' },
		{ href: '/admin/protokoll', label: m.privacy_audit_nav(), min: 'admin' },
		{ href: '/admin/loeschfristen', label: m.privacy_retention_nav(), min: 'admin' }
	];
	const visible: NavLink[] = all
		.filter((link) => atLeast(role, link.min))
		.map(({ href, label }) => ({ href, label }));
	// Alumni are people with a certificate (and the networks' staff), not a role: after the
	// certificates.
	if (alumni) {
		const after = visible.findIndex((link) => link.href === '/zertifikate');
		visible.splice(after + 1, 0, { href: '/alumni', label: m.alumni_nav() });
	}
	// The studio is a right, not a role: after the content page, for those who have it.
	if (studio) {
		const after = visible.findIndex((link) => link.href === '/admin/inhalte');
		visible.splice(after === -1 ? visible.length : after + 1, 0, {
			href: '/studio',
			label: m.studio_nav()
		});
	}
	return visible;
}
