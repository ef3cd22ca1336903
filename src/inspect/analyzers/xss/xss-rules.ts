/** The rules of the `xss` analyzer: `<rule>` in findings reads `xss/<name>`. */
export const XSS_RULES = Object.freeze({
  /** A `<script>` element (or `<scriptlet>`). */
  scriptTag: 'xss/script-tag',
  /** An `on…=` event-handler attribute in a tag. */
  eventHandler: 'xss/event-handler',
  /** A `javascript:`, `vbscript:` or active `data:` URL. */
  scriptUrl: 'xss/script-url',
  /** A way out of an attribute or raw-text context: `" onmouseover=…`, `"><svg …>`, `</title><…>`. */
  breakout: 'xss/attribute-breakout',
  /** An element that loads or runs active content without script of its own: iframe, object, base, meta refresh… */
  dangerousTag: 'xss/dangerous-tag',
  /** CSS that runs script: `expression()`, `behavior`, `-moz-binding`, `url(javascript:…)`. */
  cssInjection: 'xss/css-injection',
  /** A tag spelled so that a filter misses it: `<f o r m`, `< x: script`, `¼script¾…¼/script¾`. */
  obfuscatedTag: 'xss/obfuscated-tag',
  /** JavaScript calling or assigning a sensitive sink (`';alert(1)//`, `document.cookie=…`). */
  jsSink: 'xss/js-sink',
  /** JavaScript written to hide its sink: JSFuck, `self["al"+"ert"]`, `[].sort.call\`${alert}\``. */
  jsObfuscation: 'xss/js-obfuscation',
  /** A client-side template expression reaching code: `{{constructor.constructor('…')()}}`, `${alert(1)}`. */
  templateGadget: 'xss/template-gadget',
});
