/** Charsets that let a payload hide from byte-oriented inspection: UTF-7, UTF-16/32, EBCDIC code pages. */
export const EVASIVE_CHARSET =
  /^(?:utf-?7|utf-?16(?:le|be)?|utf-?32(?:le|be)?|ucs-?[24]|ibm-?\d+|cp-?(?:037|273|277|278|280|284|285|297|420|423|424|500|870|871|875|880|905|918|1025|1026|1047|1140|1141|1142|1143|1144|1145|1146|1147|1148|1149)|ebcdic.*|x-ebcdic.*|csibm.*)$/;

/** Charsets browsers and servers actually use for request bodies. */
export const KNOWN_CHARSET =
  /^(?:utf-?8|us-ascii|ascii|iso-?8859-\d{1,2}|latin-?1|windows-125\d|cp125\d|shift[_-]jis|sjis|euc-jp|euc-kr|iso-2022-jp|gb2312|gbk|gb18030|big5|koi8-[ru]|tis-620|x-user-defined)$/;

/** Lower-cased, unquoted charset name. */
export function charsetName(raw: string): string {
  return raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
}
