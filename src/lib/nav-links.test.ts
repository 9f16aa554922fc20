import { describe, expect, it } from 'vitest';
import { navLinks } from './nav-links';

const hrefs = (role: Parameters<typeof navLinks>[0], studio = false) =>
	navLinks(role, studio).map((link) => link.href);

describe('navLinks', () => {
	it('gives learners only the learner pages', () => {
		expect(hrefs('learner')).toEqual([
			'/',
			'/kurse',
			'/glossar',
			'/zertifikate',
			'/tagebuch',
			'/veranstaltungen',
			'/mentoring',
			'/hospitation'
		]);
	});

	it('adds the trainer pages for trainers, and the admin pages only for admins', () => {
		expect(hrefs('trainer')).toContain('/trainer/lehrgaenge');
		expect(hrefs('trainer').some((href) => href.startsWith('/admin'))).toBe(false);
		expect(hrefs('admin')).toContain('/admin/benutzer');
	});

	it('puts the studio after the content page for those with the right, or last for trainers', () => {
		const admin = hrefs('admin', true);
		expect(admin[admin.indexOf('/admin/inhalte') + 1]).toBe('/studio');
		expect(hrefs('trainer', true).at(-1)).toBe('/studio');
		expect(hrefs('admin')).not.toContain('/studio');
	});

	it('shows "Alumni" after the certificates only to those it concerns', () => {
		const links = navLinks('learner', false, true).map((link) => link.href);
		expect(links[links.indexOf('/zertifikate') + 1]).toBe('/alumni');
		expect(hrefs('learner')).not.toContain('/alumni');
	});

	it('labels the links in German by default', () => {
		expect(navLinks('learner', false)[1]).toEqual({ href: '/kurse', label: 'Kurse' });
	});
});
