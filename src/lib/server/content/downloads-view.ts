import { statSync } from 'node:fs';
import type { DownloadMeta } from '$lib/content/types';
import type { DownloadRow } from '$lib/content/views';
import { assetUrl } from '$lib/content/asset-url.js';
import { getAssetPath } from '.';

/**
 * Rows for a download list. A declared file that is missing at run time (a deployment without
 * the content's files) is left out rather than offered as a broken link.
 */
export function downloadRows(
	courseId: string,
	moduleSlug: string,
	downloads: readonly DownloadMeta[]
): DownloadRow[] {
	return downloads.flatMap((download) => {
		const path = getAssetPath(courseId, moduleSlug, download.file);
		if (!path) return [];
		return [
			{
				title: download.title,
				description: download.description,
				url: assetUrl(courseId, moduleSlug, download.file),
				type: download.type.toUpperCase(),
				size: statSync(path).size,
				trainerOnly: download.trainerOnly
			}
		];
	});
}

/** Downloads of several sources, each file once (the first declaration wins). */
export function uniqueDownloads(lists: readonly (readonly DownloadMeta[])[]): DownloadMeta[] {
	const seen = new Set<string>();
	return lists.flat().filter((download) => !seen.has(download.file) && !!seen.add(download.file));
}
