import type { OpenCourse } from './index';
import { usageOf, type ItemUsage } from './usage';

// What deleting a page would touch, for the confirmation step.

export interface DeletionPreview {
	path: string;
	title: string;
	kind: 'module' | 'item';
	/** Pages in a module that go with it. */
	pages: number;
	usage: ItemUsage;
}

export function deletionPreview({ tree }: OpenCourse, path: string): DeletionPreview | null {
	for (const module of tree.modules) {
		const moduleId = `${tree.id}/${module.slug}`;
		if (module.path === path) {
			return {
				path,
				title: module.title,
				kind: 'module',
				pages: module.items.length,
				usage: usageOf(moduleId, { below: true })
			};
		}
		const item = module.items.find((candidate) => candidate.path === path);
		if (item) {
			return {
				path,
				title: item.title,
				kind: 'item',
				pages: 0,
				usage: usageOf(`${moduleId}/${item.slug}`)
			};
		}
	}
	return null;
}
