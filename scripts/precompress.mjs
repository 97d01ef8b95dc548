// Writes FILE.br next to each FILE given (brotli, quality 11), for scripts/server.mjs to send to
// browsers that accept it: the .wasm comes out about a fifth smaller than with gzip -9.
// Compressing at the highest quality takes seconds, so the build does it once, not the server.
//
//   node scripts/precompress.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

for (const file of process.argv.slice(2)) {
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
      [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${file}.br`, br);
  console.log(`precompress: ${file}.br: ${br.length} bytes (${data.length} raw)`);
}
