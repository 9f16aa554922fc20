// `npm run uploads:orphans [-- --entfernen]`: lists files in UPLOAD_DIR that no submission refers
// to (older than an hour); with --entfernen they are deleted (and the audit log says so).
import { parseArgs } from 'node:util';
import { uploadDir } from '../src/lib/server/config/paths';
import { findOrphanUploads } from '../src/lib/server/privacy/orphans';

const { values } = parseArgs({ options: { entfernen: { type: 'boolean', default: false } } });
const report = await findOrphanUploads({ remove: values.entfernen });
const bytes = report.orphans.reduce((sum, file) => sum + file.size, 0);
for (const file of report.orphans) console.log(`${file.name}\t${file.size} Bytes`);
console.log(
	`${report.orphans.length} verwaiste Datei(en) in ${uploadDir()}, zusammen ${bytes} Bytes` +
		(report.removed ? ': entfernt.' : report.orphans.length ? ' (entfernen mit --entfernen).' : '.')
);
