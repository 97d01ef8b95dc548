// A stand-in for Worker whose answers the test sends by hand, so the order and timing of the
// worker's messages are the test's to choose. Importing this module installs it as the global
// Worker; import www/analyser.js after it.

/** A Worker whose answers the test sends by hand. */
export class ScriptedWorker extends EventTarget {
  static all = [];
  constructor(url, options) {
    super();
    this.url = String(url);
    this.options = options;
    this.sent = [];
    this.terminated = false;
    ScriptedWorker.all.push(this);
  }
  postMessage(msg) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker says something to the page. */
  say(data) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  /** The worker fails as an uncaught error would make it. */
  crash(message) {
    const event = new Event('error', { cancelable: true });
    event.message = message;
    this.dispatchEvent(event);
  }
}

globalThis.Worker = ScriptedWorker;
