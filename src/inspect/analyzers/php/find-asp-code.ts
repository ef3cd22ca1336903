import type { Hit } from './hit.js';

// Every detector below needs one of these words; ordinary values leave after this one test.
const GATE = /execute|eval|response\s*\.|server\s*\.|resume\s+next/i;
// `"Ex"&"e"&"cute(`: VBScript joins string pieces with `&`; the joined spelling is what runs.
const CONCATENATION = /"\s*&\s*"/g;
// A dynamic-code call of classic ASP: the string it is given runs as VBScript (or JScript).
const RUNS_CODE = /\b(?:execute|executeglobal|eval)\s*\(/i;
// What VBScript in a classic ASP page reaches: the response, the server object, the request, COM objects,
// char codes, and the error switch that webshells set first.
const ASP_MARKERS =
  /\bon\s+error\s+resume\s+next\b|\bresponse\s*\.\s*(?:write|end|binarywrite|redirect)\b|\bserver\s*\.\s*(?:scripttimeout|createobject|mappath|execute|transfer)\b|\bcreateobject\s*\(|\brequest\s*(?:\.\s*(?:form|querystring|item|cookies)\b|\()|\bchrw?\s*\(/gi;
// `eval request("x")`, `execute(request.item("x"))`: the one-line webshell that runs what each request sends.
const RUNS_REQUEST =
  /\b(?:execute|executeglobal|eval)\s*\(?\s*request\s*(?:\.\s*(?:form|querystring|item)\s*)?\(/i;
// `:response.write 111111`: a value that is nothing but an ASP write of a marker, to see it echoed back.
const WRITE_PROBE =
  /^[\s:;'"]{0,4}response\s*\.\s*write\s*\(?\s*(?:\d{1,16}|"[^"]{0,32}"|'[^']{0,32}')\s*\)?\s*[;'"]?\s*$/i;
const MAX_MARKERS = 8;
/** The transform a hit records when only the joined spelling (`"Ex"&"e"&"cute(`) ran code. */
export const VBSCRIPT_JOIN = 'vbscript-join';

function countMarkers(text: string): number {
  ASP_MARKERS.lastIndex = 0;
  let kinds = 0;
  let seen = '';
  for (let m = ASP_MARKERS.exec(text); m !== null && kinds < MAX_MARKERS; m = ASP_MARKERS.exec(text)) {
    const word = m[0].slice(0, 6).toLowerCase();
    if (seen.includes(`|${word}`)) continue;
    seen += `|${word}`;
    kinds++;
  }
  return kinds;
}

/**
 * Classic ASP code sent to be run: `Execute`/`Eval` of request data (the one-line webshell), or a
 * dynamic-code call among what VBScript in a page reaches (`On Error Resume Next`, `Response.Write`,
 * `Server.CreateObject`, `Chr(`), read also with `"Ex"&"e"&"cute(` string pieces joined; and a value that
 * is only a `Response.Write` of a marker, sent to see it echoed.
 * @example findAspCode('eval request("cmd")') // { rule: 'asp-code', confidence: 1, … }
 */
export function findAspCode(text: string): Hit | undefined {
  if (!GATE.test(text)) return undefined;
  const joined = text.includes('&') ? text.replace(CONCATENATION, '') : text;
  const runs = RUNS_CODE.exec(joined);
  const request = RUNS_REQUEST.exec(joined);
  if (request !== null)
    return { rule: 'asp-code', confidence: 1, evidence: joined.slice(request.index, request.index + 64) };
  const probe = WRITE_PROBE.exec(joined);
  if (probe !== null) return { rule: 'asp-code', confidence: 0.9, evidence: joined.slice(0, 64) };
  const markers = countMarkers(joined);
  if (runs !== null && markers >= 1) {
    const evidence = joined.slice(runs.index, runs.index + 64);
    // `Ev al ("Ex"&"e"&"cute(`: a call split into pieces so no filter reads it is no quotation.
    if (joined !== text && !RUNS_CODE.test(text))
      return { rule: 'asp-code', confidence: 1, evidence, transform: VBSCRIPT_JOIN };
    return { rule: 'asp-code', confidence: markers >= 2 ? 1 : 0.9, evidence };
  }
  return undefined;
}
