import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface SsjsCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const SERIALIZED = 'ssjs/serialized-function';
const RUNTIME = 'ssjs/runtime-access';
const LOOP = 'ssjs/endless-loop';
const PROBE = 'ssjs/eval-probe';
const BUSY = 'ssjs/busy-wait';

/** Server-side JavaScript injection cases shared by the unit test, the benchmark and the fuzz target. */
export const ssjsCases: readonly SsjsCase[] = [
  // Functions serialized for node-serialize and funcster, revived with eval.
  {
    input: '_$$ND_FUNC$$_function(){require("child_process").exec("id")}()',
    kind: 'cookie-value',
    location: 'cookie.profile',
    expect: SERIALIZED,
  },
  {
    input: '{"rce":"_$$ND_FUNC$$_function (){}()"}',
    kind: 'body-text',
    location: 'body',
    expect: SERIALIZED,
  },
  {
    input: '{"__js_function":"function(){return 1}"}',
    kind: 'body-text',
    location: 'body',
    expect: SERIALIZED,
  },
  // Code reaching the OS.
  { input: "require('child_process').exec('whoami')", expect: RUNTIME },
  { input: 'child_process.execSync("id")', expect: RUNTIME },
  { input: 'global.process.mainModule.constructor._load("child_process")', expect: RUNTIME },
  { input: 'require(`node:fs`).readFileSync(`/etc/passwd`)', expect: RUNTIME },
  {
    input: 'global.process.mainModule.require("os")',
    kind: 'body-value',
    location: 'body.json.q',
    expect: RUNTIME,
  },
  { input: 'this.constructor.constructor("return process")()', expect: RUNTIME },
  { input: 'process["binding"]("spawn_sync")', expect: RUNTIME },
  { input: 'process[mainModule', expect: RUNTIME },
  { input: 'globalThis["process"].exit()', kind: 'header-value', location: 'header.x-expr', expect: RUNTIME },
  { input: 'eval(String.fromCharCode(49))', expect: RUNTIME },
  { input: 'import("child_process").then(m=>m.execSync("id"))', expect: RUNTIME },
  { input: 'process.exit(1)', kind: 'body-value', location: 'body.json.name', expect: RUNTIME },
  { input: 'res.end(require("fs").readdirSync(".").toString())', expect: RUNTIME },
  // Loops that never end: constant conditions in every spelling.
  { input: 'while(true);', expect: LOOP },
  { input: 'while(!0){}', expect: LOOP },
  { input: 'while (!!{}) ;', expect: LOOP },
  { input: 'while(-Infinity)', expect: LOOP },
  { input: 'while(+1)', expect: LOOP },
  { input: 'while(new Date)', expect: LOOP },
  { input: 'while(new Boolean(false)){}', expect: LOOP },
  { input: "while(!'')", expect: LOOP },
  { input: 'while(!undefined)', expect: LOOP },
  { input: 'while(((1)))', expect: LOOP },
  { input: 'while(String)', expect: LOOP },
  { input: 'do{}while(1)', kind: 'body-value', location: 'body.form.code', expect: LOOP },
  { input: 'for(;;){}', kind: 'cookie-value', location: 'cookie.x', expect: LOOP },
  { input: 'x=1;while(0x1);', expect: LOOP },
  // Loops that spin until the clock has moved on: a delay to time a blind injection by.
  {
    input: `x' (function(){if(typeof z==="undefined"){var a=new Date();do{var b=new Date();}while(b-a<20000);z=1;}}()) '`,
    expect: BUSY,
  },
  { input: 'var t=Date.now();while(Date.now()-t<5e3);', expect: BUSY },
  {
    input: '{"$where":"var s=new Date(); do { n=new Date(); } while (n - s < 3000)"}',
    kind: 'body-text',
    location: 'body',
    expect: BUSY,
  },
  // Probes for an evaluation context.
  { input: 'process.env', expect: PROBE },
  { input: 'process.env.SECRET_KEY', kind: 'body-value', location: 'body.json.name', expect: PROBE },
  { input: 'console.log(1)', expect: PROBE },
  { input: "console['warn'](1)", expect: PROBE },
  { input: 'console.info.call(this,1)', expect: PROBE },
  { input: 'new Function("return 7")()', expect: PROBE },
  { input: 'module.exports = {}', expect: PROBE },
  { input: 'function () { return 1 }', expect: PROBE },
  { input: 'require[req.query.m]', expect: PROBE },
  { input: 'Function("return this")()', expect: PROBE },
  { input: "vm.runInNewContext('this.constructor')", expect: PROBE },
  { input: 'console%2Edebug%281%29', expect: PROBE },
  // Look-alikes that must pass: English words, code-like prose, ordinary JSON and ids.
  { input: 'the process of buying a house', expect: null },
  { input: 'we require a password', expect: null },
  { input: 'console table for sale', expect: null },
  { input: 'Function keys F1-F12', expect: null },
  { input: 'while you wait', expect: null },
  { input: 'while (stocks last)', expect: null },
  { input: 'while(i < 10)', expect: null },
  { input: 'while(running)', expect: null },
  { input: 'Date: while (n - 1 < 100) keep going', expect: null },
  { input: 'Due Date: while (stock - sold < 1000)', expect: null },
  { input: 'new Date(); while (count - 1 < 100)', expect: null },
  // A loop over a false constant never runs: no denial of service.
  { input: 'while(0)', expect: null },
  { input: 'while(!!"");', expect: null },
  { input: 'console.log', expect: null },
  { input: 'module 3 exports', expect: null },
  { input: 'process_id=5', expect: null },
  { input: 'the constructor of the building', expect: null },
  { input: '{"prototype_id":3,"process":"anodize"}', kind: 'body-text', location: 'body', expect: null },
  { input: 'require(["jquery"], function($) {', expect: null },
  { input: 'Global Process Manager', kind: 'body-value', location: 'body.form.title', expect: null },
  { input: 'Exit process (step 4)', expect: null },
  { input: 'import data from the old system', expect: null },
  { input: 'Function (optional)', expect: null },
  { input: 'child_process', kind: 'body-value', location: 'body.json.keywords.3', expect: null },
  { input: 'Spawning with child_process in Node', expect: null },
];
