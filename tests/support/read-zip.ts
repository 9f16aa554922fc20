import yauzl from 'yauzl';

/** Every entry of a ZIP, by path, with its content (tests only; the archives are small). */
export function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
			if (error || !archive) return reject(error ?? new Error('no archive'));
			const entries = new Map<string, Buffer>();
			archive.on('entry', (entry: yauzl.Entry) => {
				archive.openReadStream(entry, (streamError, stream) => {
					if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
					const chunks: Buffer[] = [];
					stream.on('data', (chunk: Buffer) => chunks.push(chunk));
					stream.on('end', () => {
						entries.set(entry.fileName, Buffer.concat(chunks));
						archive.readEntry();
					});
					stream.on('error', reject);
				});
			});
			archive.on('end', () => resolve(entries));
			archive.on('error', reject);
			archive.readEntry();
		});
	});
}

export async function bufferOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	return Buffer.from(await new Response(stream).arrayBuffer());
}
