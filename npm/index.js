// precis-wasm: the WebAssembly analyser (wasm-bindgen's --target web output, in pkg/) and the
// worker bridge the Précis page uses. Call init() once (in a browser it fetches pkg/precis_bg.wasm
// next to this file; in Node pass the bytes: initSync({ module: bytes })), then analyze().
export { default, default as init, initSync, analyze, analyzeHtml, htmlToText, version } from './pkg/precis.js';
export { createAnalyser } from './analyser.js';
