import type { CourseMeta, ItemMeta, ModuleMeta } from '$lib/content/types';

/** Test helper: a course `kurs` with modules of items, IDs `kurs/<module>/<item>`. */
export type Spec = [slug: string, type: ItemMeta['type'], required?: boolean];

export function makeCourse(
	modules: Record<string, Spec[]>,
	unlock: 'open' | 'sequential' = 'sequential'
) {
	const courseId = 'kurs';
	const metas: ModuleMeta[] = Object.entries(modules).map(([slug, specs], order) => {
		const moduleId = `${courseId}/${slug}`;
		const items = specs.map(([itemSlug, type, required = true], itemOrder): ItemMeta => {
			const base = {
				id: `${moduleId}/${itemSlug}`,
				courseId,
				moduleId,
				slug: itemSlug,
				order: itemOrder,
				title: itemSlug,
				review: { stand: null, verantwortlich: null, naechstePruefung: null }
			};
			if (type === 'quiz') {
				return {
					...base,
					type,
					passPercent: 80,
					attempts: 'unlimited',
					shuffle: false,
					draw: null,
					showAnswers: true,
					questionCount: 3
				};
			}
			if (type === 'assignment') {
				return {
					...base,
					type,
					submission: ['text'],
					files: null,
					rubric: [],
					required,
					downloads: []
				};
			}
			return { ...base, type, minutes: 10, reflection: null, downloads: [] };
		});
		return {
			id: moduleId,
			courseId,
			slug,
			order,
			title: slug,
			summary: null,
			hours: null,
			hoursSplit: null,
			objectives: [],
			downloads: [],
			review: { stand: null, verantwortlich: null, naechstePruefung: null },
			items
		};
	});
	const course: CourseMeta = {
		id: courseId,
		order: 0,
		title: 'Kurs',
		summary: '',
		language: 'de',
		unlock,
		attendanceRequired: false,
		certificate: null,
		review: { stand: null, verantwortlich: null, naechstePruefung: null },
		modules: metas
	};
	return course;
}
