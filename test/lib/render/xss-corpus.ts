/**
 * Hostile Markdown for the sanitiser tests (SPEC §2.2: no script runs, no event handler, no `javascript:`
 * or non-image `data:` URL, no `<iframe>`, `<object>`, `<embed>`, `<form>`, `<style>`).
 *
 * Each payload names where it comes from:
 * - `DOMPurify fixtures`: cure53/DOMPurify `test/fixtures/expect.mjs` (by title, or by the html5sec.org
 *   vector number its `<div id="…">` carries);
 * - `OWASP`: the OWASP XSS Filter Evasion Cheat Sheet (OWASP/CheatSheetSeries), by section;
 * - `marked`: markedjs/marked issues and advisories about links that bypassed its old `sanitize` option;
 * - `other sanitisers`: public bypass reports against other sanitisers for the same URL tricks;
 * - `Markdown context`: a known payload (named) placed where sabaq's Markdown puts author text: table
 *   cells, list items, headings, link text, admonition titles, quiz options, hints and feedback.
 *
 * Payloads are the published ones with one change: `alert(…)` becomes a call of the test's sentinel,
 * `__xss(<index>)`, so that a payload which runs says which one it was. Base64 `data:` documents are
 * re-encoded the same way (their `alert` would open a dialog that blocks the test page). Anything more
 * is noted (a handler added where a fixture only showed the markup).
 */

export interface XssPayload {
  /** Position in {@link XSS_CORPUS}; the number the payload passes to `window.__xss`. */
  id: number;
  name: string;
  source: string;
  markdown: string;
  /** `lesson`: a whole lesson file, rendered with `parseLesson` + `renderLesson` and its quizzes' text. */
  via: 'markdown' | 'lesson';
  /**
   * Runs by itself (no click) when marked's output is inserted unsanitised, in Chromium, Firefox and
   * WebKit: the control test inserts these and expects the sentinel to be called.
   */
  live?: boolean;
  /**
   * Why nothing dangerous is left when this payload is not sanitised (marked's output, and the payload
   * itself taken as HTML): it is kept as a regression case. Every other payload's unsanitised output is
   * flagged by the tests' DOM inspection or, for the `live` ones, seen to run.
   */
  harmlessUnsanitised?: string;
}

/** The global each payload calls. */
export const SENTINEL = '__xss';

type Definition = {
  name: string;
  source: string;
  /** The payload, given the JavaScript call to make (`__xss(12)`). */
  markdown: (call: string) => string;
  via?: 'lesson';
  live?: true;
  harmlessUnsanitised?: string;
};

const dompurify = (title: string) => `DOMPurify fixtures (test/fixtures/expect.mjs): ${title}`;
const owasp = (section: string) => `OWASP XSS Filter Evasion Cheat Sheet: ${section}`;
const marked = (reference: string) => `marked: ${reference}`;
const other = (reference: string) => `other sanitisers: ${reference}`;
const context = (where: string, payload: string) => `Markdown context: ${where} (payload: ${payload})`;

/** Character references for every character, as in the cheat sheet's "Decimal HTML character references". */
const decimal = (text: string, digits = 0, semicolon = true) =>
  [...text].map((c) => `&#${String(c.codePointAt(0)).padStart(digits, '0')}${semicolon ? ';' : ''}`).join('');
const hexadecimal = (text: string) => [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()}`).join('');

/** A base64 `data:` document that calls the sentinel in its parent, as the published ones call alert. */
const base64Html = (call: string) => btoa(`<script>parent.${call}</script>`);
const base64Svg = (call: string) => btoa(`<svg xmlns="http://www.w3.org/2000/svg"><script>parent.${call}</script></svg>`);

const FENCE = '```';

const DEFINITIONS: Definition[] = [
  // --- DOMPurify's own fixtures --------------------------------------------------------------------
  {
    name: 'javascript: URL after U+2028',
    source: dompurify('"JavaScript URIs using Unicode LS/PS I"'),
    markdown: (x) => `123<a href='\u2028javascript:${x}'>I am a dolphin!</a>`,
    harmlessUnsanitised: 'URL parsers today read a scheme after U+2028 as a relative path',
  },
  {
    name: 'javascript: URL after Unicode spaces',
    source: dompurify('"JavaScript URIs using Unicode Whitespace"'),
    markdown: (x) =>
      `123<a href=' javascript:${x}'>CLICK</a><a href='&#xA0javascript:${x}'>CLICK</a>` +
      `<a href='&#x2000;javascript:${x}'>CLICK</a><a href='&#x3000;javascript:${x}'>CLICK</a>`,
  },
  {
    name: 'javascript: image src',
    source: dompurify('"Image with JavaScript URI src (DoS on Firefox)"'),
    markdown: (x) => `<img src='javascript:${x}'>`,
  },
  {
    name: 'data: src on audio, video and source',
    source: dompurify('"src Attributes for IMG, AUDIO, VIDEO and SOURCE (see #131)"'),
    markdown: () =>
      '<img src="data:,123"><audio src="data:,456"></audio><video src="data:,789"></video><source src="data:,012"><div src="data:,345">',
  },
  {
    name: 'data: svg in an svg image',
    source: dompurify('"Don\'t remove data URIs from SVG images, with href attribute" (shortened)'),
    markdown: (x) => `<svg><image width="500" height="500" href="data:image/svg+xml;base64,${base64Svg(x)}"></image></svg>`,
  },
  {
    name: 'data: link',
    source: dompurify('"Link with data URI href"'),
    markdown: () => '<a href=data:,evilnastystuff>clickme</a>',
  },
  {
    name: 'id/= attribute mutation',
    source: dompurify('"mXSS Variation II"'),
    markdown: (x) => `<img src=x id/=' onerror=${x}//'>`,
    live: true,
  },
  {
    name: 'textarea closed inside a comment',
    source: dompurify('"Textarea and comments enabling img element"'),
    markdown: (x) => `<textarea>@shafigullin</textarea><!--</textarea><img src=x onerror=${x}>-->`,
    harmlessUnsanitised: 'the image stays inside a comment unless a sanitiser re-serialises it wrongly',
  },
  {
    name: 'noscript ended inside a comment',
    source: dompurify('"Img element inside noscript terminated inside comment"'),
    markdown: (x) => `<b><noscript><!-- </noscript><img src=x onerror=${x} --></noscript>`,
    live: true,
  },
  {
    name: 'noscript ended inside an attribute',
    source: dompurify('"Img element inside noscript terminated inside attribute"'),
    markdown: (x) => `<b><noscript><a alt="</noscript><img src=x onerror=${x}>"></noscript>`,
    live: true,
  },
  {
    name: 'image inside nested templates',
    source: dompurify('"Img element inside shadow DOM template"'),
    markdown: (x) => `<body><template><s><template><s><img src=x onerror=${x}>@shafigullin</s></template></s></template>`,
  },
  {
    name: 'low ASCII inside the scheme',
    source: dompurify('"Low-range-ASCII obfuscated JavaScript URI"'),
    markdown: (x) => `<a href="\u0001java\u0003script:${x}">@shafigullin<a>`,
    harmlessUnsanitised: 'URL parsers today read "java\\u0003script:" as a relative path',
  },
  {
    name: 'style inside a broken option',
    source: dompurify('"Img inside style inside broken option element"'),
    markdown: (x) => `\u0001<option><style></option></select><b><img src=x onerror=${x}></style></option>`,
  },
  {
    name: 'iframe inside an option',
    source: dompurify('"Iframe inside option element"'),
    markdown: (x) => `<option><iframe></select><b><script>${x}</script>`,
  },
  {
    name: 'style trick for tag completion',
    source: dompurify('"Image after style to trick jQuery tag-completion"'),
    markdown: (x) => `<b><style><style/><img src=x onerror=${x}>`,
  },
  {
    name: 'DOM clobbering with svg onload and keygen',
    source: dompurify('"DOM clobbering attack using name=body and injecting SVG + keygen"'),
    markdown: (x) => `<image name=body><img src=x><svg onload=${x}; autofocus>, <keygen onfocus=${x}; autofocus>`,
  },
  {
    name: 'javascript: href with onclick',
    source: dompurify('"Bypass using DOM bugs when dealing with JS URIs in arbitrary attributes"'),
    markdown: (x) => `<a href="javascript:123" onclick="${x}">CLICK ME (bypass by @shafigullin)</a>`,
  },
  {
    name: 'autofocus with onfocus',
    source: dompurify('"Bypass using unknown attributes IV"'),
    // Runs only in a page that has focus, which the test runner's second page at a time has not: not `live`.
    markdown: (x) => `<input x=javascript: autofocus onfocus=${x}><svg id=1 onload=${x}></svg>`,
  },
  {
    name: 'unknown attributes with onmouseover',
    source: dompurify('"Bypass using unknown attributes III"'),
    markdown: (x) => `<div wow=removeme onmouseover=${x}>text`,
  },
  {
    name: 'form action with a newline in the scheme',
    source: dompurify('form action "javasc\\nript:" (untitled fixture)'),
    markdown: (x) => `<form action="javasc\nript:${x}"><button>XXX</button></form>`,
  },
  {
    name: 'button formaction',
    source: dompurify('html5sec #72'),
    markdown: (x) => `<div id="72"><form><button formaction="javascript:${x}">X</button></div>`,
  },
  {
    name: 'svg g onload',
    source: dompurify('html5sec #11'),
    markdown: (x) => `<div id="11"><svg xmlns="http://www.w3.org/2000/svg"><g onload="javascript:${x}"></g></svg></div>`,
  },
  {
    name: 'table background',
    source: dompurify('html5sec #32'),
    markdown: (x) => `<div id="32"><table background="javascript:${x}"></table></div>`,
  },
  {
    name: 'comment closed inside an attribute',
    source: dompurify('html5sec #37'),
    markdown: (x) => `<div id="37"><!--<img src="--><img src=x onerror=${x}//"></div>`,
    live: true,
  },
  {
    name: 'style closed inside an attribute',
    source: dompurify('html5sec #40'),
    markdown: (x) => `<div id="40"><style><img src="</style><img src=x onerror=${x}//"></div>`,
    live: true,
  },
  {
    name: 'base href javascript:',
    source: dompurify('html5sec #42'),
    markdown: (x) => `<div id="42"><head><base href="javascript://"/></head><body><a href="/. /,${x}//#">XXX</a></body></div>`,
  },
  {
    name: 'script inside svg',
    source: dompurify('html5sec #47'),
    markdown: (x) => `<div id="47"><svg xmlns="http://www.w3.org/2000/svg"><script>${x}</script></svg></div>`,
  },
  {
    name: 'object with a data: document',
    source: dompurify('html5sec #50'),
    markdown: (x) => `<div id="50"><object data="data:text/html;base64,${base64Html(x)}"></object></div>`,
  },
  {
    name: 'embed with a data: document',
    source: dompurify('html5sec #51'),
    markdown: (x) => `<div id="51"><embed src="data:text/html;base64,${base64Html(x)}"></embed></div>`,
  },
  {
    name: 'video source onerror',
    source: dompurify('html5sec #55'),
    markdown: (x) => `<div id="55"><video><source onerror="${x}"></video></div>`,
    live: true,
  },
  {
    name: 'embed, img and script with javascript: src',
    source: dompurify('html5sec #63'),
    markdown: (x) =>
      `<div id="63"><embed src="javascript:${x}"></embed>\n<img src="javascript:${x}">\n` + `<script src="javascript:${x}"></script></div>`,
  },
  {
    name: 'xlink:href on an unknown element',
    source: dompurify('html5sec #81'),
    markdown: (x) =>
      `<div id="81"><x xmlns:xlink="http://www.w3.org/1999/xlink" xlink:actuate="onLoad" ` +
      `xlink:href="javascript:${x}" xlink:type="simple"/></div>`,
  },
  {
    name: 'svg link with xlink:href javascript:',
    source: dompurify('html5sec #87'),
    markdown: (x) =>
      `<div id="87"><svg xmlns="http://www.w3.org/2000/svg"><a xmlns:xlink="http://www.w3.org/1999/xlink" ` +
      `xlink:href="javascript:${x}"><rect width="1000" height="1000" fill="white"/></a></svg></div>`,
  },
  {
    name: 'svg set rewriting xlink:href',
    source: dompurify('html5sec #95'),
    markdown: (x) =>
      '<div id="95"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><feImage>' +
      `<set attributeName="xlink:href" to="data:image/svg+xml;charset=utf-8;base64,${base64Svg(x)}"/>` +
      '</feImage></svg></div>',
  },
  {
    name: 'svg style (mXSS)',
    source: dompurify('html5sec #128'),
    markdown: (x) => `<div id="128"><svg><style><img/src=x onerror=${x}// </b></div>`,
    live: true,
  },
  {
    name: 'MathML href and maction',
    source: dompurify('html5sec #130 "MathML"'),
    markdown: (x) =>
      `<div id="130"><math href="javascript:${x}">CLICKME</math>\n<math>\n` +
      `<maction actiontype="statusline" xlink:href="javascript:${x}">CLICKME<mtext>http://http://google.com</mtext></maction>\n</math></div>`,
  },
  {
    name: 'svg animate rewriting xlink:href',
    source: dompurify('html5sec #137 "SVG"'),
    markdown: (x) =>
      `<div id="137"><svg>\n<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="?">\n<circle r="400"></circle>\n` +
      `<animate attributeName="xlink:href" begin="0" from="javascript:${x}" to="&" />\n</a></div>`,
  },
  {
    name: 'style attribute overlay (clickjacking)',
    source: dompurify('html5sec #33'),
    markdown: (x) =>
      `<div id="33"><a style="pointer-events:none;position:absolute;"><a style="position:absolute;" onclick="${x};">XXX</a></a>` +
      `<a href="javascript:${x}">XXX</a></div>`,
  },
  {
    name: 'svg image filter with a data: svg',
    source: dompurify('html5sec #129 "Inline SVG (data-uri)"'),
    markdown: (x) =>
      `<div id="129"><svg><image style='filter:url("data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22>` +
      `<script>parent.${x}</script></svg>")'>\n</svg></div>`,
  },
  {
    name: 'svg, textarea and title (mXSS)',
    source: dompurify('"Tests against mXSS behavior with SVG in Chrome 77 and alike 1/2"'),
    markdown: (x) => `<svg></p><textarea><title><style></textarea><img src=x onerror=${x}></style></title></svg>`,
    live: true,
  },
  {
    name: 'math, textarea and mi (mXSS)',
    source: dompurify('"Tests against mXSS behavior with MathML in Chrome 77 and alike"'),
    markdown: (x) => `<math></p><textarea><mi><style></textarea><img src=x onerror=${x}></mi></math>`,
    live: true,
  },
  {
    name: 'svg style title attribute (mXSS)',
    source: dompurify('"Tests against attribute-based mXSS behavior 1/3"'),
    markdown: (x) => `<svg><p><style><g title="</style><img src=x onerror=${x}>">`,
    live: true,
  },
  {
    name: 'annotation-xml style (mXSS)',
    source: dompurify('"Tests against attribute-based mXSS behavior 3/3"'),
    markdown: (x) => `<math><annotation-xml encoding="text/html"><p><style><p title="</style><iframe onload&#x3d;${x}<!--"></style>`,
  },
  {
    name: 'noembed, svg and style (mXSS)',
    source: dompurify('"Tests against removal-based mXSS behavior 2/2" (onerror added to its <img>)'),
    markdown: (x) => `<noembed><svg><b><style><b title='</style><img src=x onerror=${x}>'>`,
    harmlessUnsanitised: 'noembed holds raw text; only a sanitiser that removes it could free the image',
  },
  {
    name: 'form, mtext and mglyph (nesting mXSS)',
    source: dompurify('"Tests against nesting-based mXSS behavior 1/5"'),
    markdown: (x) => `<form><math><mtext></form><form><mglyph><style><img src=x onerror=${x}>`,
  },
  {
    name: 'math, mtext, table and mglyph (nesting mXSS)',
    source: dompurify('"Tests against nesting-based mXSS behavior 2/5"'),
    markdown: (x) => `<math><mtext><table><mglyph><style><math href=javascript:${x}>CLICKME</math>`,
  },
  {
    name: 'mglyph style comment (nesting mXSS)',
    source: dompurify('"Tests against nesting-based mXSS behavior 3/5"'),
    markdown: (x) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${x}&gt;">`,
  },
  {
    name: 'headings inside MathML (mXSS)',
    source: dompurify('"Tests against additional problems regarding HTML inside MathML 1/2"'),
    markdown: (x) =>
      `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror='${x}'>"></style></h1>`,
  },
  {
    name: 'svg desc noscript (namespace confusion)',
    source: dompurify('"Test against fake-element-based namepsace-confusion abusing mXSS attacks 1/2"'),
    markdown: (x) =>
      `a<svg><xss><desc><noscript>&lt;/noscript>&lt;/desc>&lt;s>&lt/s>&lt;style>&lt;a title="&lt;/style>&lt;img src onerror=${x}>">`,
    harmlessUnsanitised: 'the markup is escaped text until a sanitiser re-serialises it in the wrong namespace',
  },
  {
    name: 'option, fake element and mglyph (namespace confusion)',
    source: dompurify('"Test against fake-element-based namepsace-confusion abusing mXSS attacks 2/2"'),
    markdown: (x) =>
      `<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title="</style><img src='#' onerror='${x}'>">`,
  },
  {
    name: 'template inside select',
    source: dompurify('"Tests against removal of templates inside select elements"'),
    markdown: (x) => `<select><template><img src=x onerror=${x}></template></select>`,
  },

  // --- OWASP XSS Filter Evasion Cheat Sheet --------------------------------------------------------
  {
    name: 'polyglot',
    source: owasp('"XSS Locator (Polyglot)"'),
    markdown: (x) => `javascript:/*--></title></style></textarea></script></xmp>\n<svg/onload='+/"\`/+/onmouseover=1/+/[*/[]/+${x}//'>`,
  },
  {
    name: 'anchor onmouseover',
    source: owasp('"Malformed A Tags"'),
    markdown: (x) => `<a onmouseover="${x}">xxs link</a>`,
  },
  {
    name: 'malformed IMG then SCRIPT',
    source: owasp('"Malformed IMG Tags"'),
    markdown: (x) => `<IMG """><SCRIPT>${x}</SCRIPT>">`,
    live: true,
  },
  {
    name: 'image onmouseover with empty src',
    source: owasp('"Default SRC Tag by Leaving it Empty"'),
    markdown: (x) => `<IMG SRC= onmouseover="${x}">`,
    harmlessUnsanitised: 'HTML parsers today take onmouseover="…" as the value of SRC',
  },
  {
    name: 'image onerror',
    source: owasp('"On Error Alert"'),
    markdown: (x) => `<IMG SRC=/ onerror="${x}"></img>`,
    live: true,
  },
  {
    name: 'onerror written as character references',
    source: owasp('"IMG onerror and JavaScript Alert Encode"'),
    markdown: (x) => `<img src=x onerror="${decimal(x, 7, false)}">`,
    live: true,
  },
  {
    name: 'javascript: as decimal references',
    source: owasp('"Decimal HTML Character References"'),
    markdown: (x) => `<IMG SRC=${decimal(`javascript:${x}`)}>`,
  },
  {
    name: 'javascript: as padded decimal references without semicolons',
    source: owasp('"Decimal HTML Character References Without Trailing Semicolons"'),
    markdown: (x) => `<IMG SRC=${decimal(`javascript:${x}`, 7, false)}>`,
  },
  {
    name: 'javascript: as hexadecimal references without semicolons',
    source: owasp('"Hexadecimal HTML Character References Without Trailing Semicolons"'),
    markdown: (x) => `<IMG SRC=${hexadecimal(`javascript:${x}`)}>`,
  },
  {
    name: 'tab inside the scheme',
    source: owasp('"Embedded Tab"'),
    markdown: (x) => `<IMG SRC="jav\tascript:${x};">`,
  },
  {
    name: 'encoded tab inside the scheme',
    source: owasp('"Embedded Encoded Tab"'),
    markdown: (x) => `<IMG SRC="jav&#x09;ascript:${x};">`,
  },
  {
    name: 'encoded newline and carriage return inside the scheme',
    source: owasp('"Embedded Newline to Break Up XSS" and "Example 1: … Embedded Carriage Return"'),
    markdown: (x) => `<IMG SRC="jav&#x0A;ascript:${x};"><IMG SRC="jav&#x0D;ascript:${x};">`,
  },
  {
    name: 'null inside the scheme',
    source: owasp('"Example 2: Break Up JavaScript Directive with Null"'),
    markdown: (x) => `<IMG SRC=java\0script:${x}>`,
    harmlessUnsanitised: 'the HTML parser turns NUL into U+FFFD, which breaks the scheme',
  },
  {
    name: 'spaces and control characters before the scheme',
    source: owasp('"Example 3: Spaces and Meta Chars Before the JavaScript in Images for XSS"'),
    markdown: (x) => `<IMG SRC=" &#14;  javascript:${x};">`,
  },
  {
    name: 'script with a slash for a space',
    source: owasp('"Example 4: Non-alpha-non-digit XSS"'),
    markdown: () => '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  },
  {
    name: 'body onload with junk before the equals sign',
    source: owasp('"Example 4: Non-alpha-non-digit XSS" (BODY onload)'),
    markdown: (x) => `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${x}>`,
    harmlessUnsanitised: 'a <body> tag inside a fragment is dropped, attributes and all',
  },
  {
    name: 'extraneous open brackets',
    source: owasp('"Extraneous Open Brackets"'),
    markdown: (x) => `<<SCRIPT>${x};//\\<</SCRIPT>`,
    live: true,
  },
  {
    name: 'end title then script',
    source: owasp('"End Title Tag"'),
    markdown: (x) => `</TITLE><SCRIPT>${x};</SCRIPT>`,
    live: true,
  },
  {
    name: 'input type=image with javascript: src',
    source: owasp('"INPUT Image"'),
    markdown: (x) => `<INPUT TYPE="IMAGE" SRC="javascript:${x};">`,
  },
  {
    name: 'svg onload',
    source: owasp('"SVG Object Tag"'),
    markdown: (x) => `<svg/onload=${x}>`,
  },
  {
    name: 'style list-style-image',
    source: owasp('"List-style-image"'),
    markdown: (x) => `<STYLE>li {list-style-image: url("javascript:${x}");}</STYLE><UL><LI>XSS</br>`,
  },
  {
    name: 'vbscript: image',
    source: owasp('"VBscript in an Image"'),
    markdown: () => `<IMG SRC='vbscript:msgbox("XSS")'>`,
  },
  {
    name: 'remote stylesheet link',
    source: owasp('"Remote style sheet"'),
    markdown: () => '<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">',
  },
  {
    name: 'style @import',
    source: owasp('"Remote style sheet part 2"'),
    markdown: () => "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
  },
  {
    name: 'meta refresh to a data: document',
    source: owasp('"META using Data"'),
    markdown: (x) => `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,${base64Html(x)}">`,
  },
  {
    name: 'iframe javascript: src',
    source: owasp('"IFRAME"'),
    markdown: (x) => `<IFRAME SRC="javascript:parent.${x};"></IFRAME>`,
    live: true,
  },
  {
    name: 'frameset',
    source: owasp('"FRAME"'),
    markdown: (x) => `<FRAMESET><FRAME SRC="javascript:parent.${x};"></FRAMESET>`,
    harmlessUnsanitised: 'a frameset is ignored inside a body',
  },
  {
    name: 'td background',
    source: owasp('"TD"'),
    markdown: (x) => `<TABLE><TD BACKGROUND="javascript:${x}">`,
  },
  {
    name: 'div background-image',
    source: owasp('"DIV Background-image"'),
    markdown: (x) => `<DIV STYLE="background-image: url(javascript:${x})">`,
  },
  {
    name: 'downlevel-hidden block',
    source: owasp('"Downlevel-Hidden Block"'),
    markdown: (x) => `<!--[if gte IE 4]>\n<SCRIPT>${x};</SCRIPT>\n<![endif]-->`,
    harmlessUnsanitised: 'a comment everywhere but in old Internet Explorer',
  },
  {
    name: 'base href',
    source: owasp('"BASE Tag"'),
    markdown: (x) => `<BASE HREF="javascript:${x};//">`,
  },
  {
    name: 'object scriptlet',
    source: owasp('"OBJECT Tag"'),
    markdown: () => '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  },
  {
    name: 'embed a data: svg',
    source: owasp('"EMBED SVG Which Contains XSS Vector"'),
    markdown: (x) => `<EMBED SRC="data:image/svg+xml;base64,${base64Svg(x)}" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  },
  {
    name: 'meta set-cookie',
    source: owasp('"Cookie Manipulation"'),
    markdown: (x) => `<META HTTP-EQUIV="Set-Cookie" Content="USERID=<SCRIPT>${x}</SCRIPT>">`,
  },

  // --- marked's past link bypasses ------------------------------------------------------------------
  {
    name: 'link to javascript: with an encoded parenthesis',
    source: marked('issue #203 "XSS"'),
    markdown: (x) => `[naughty link](javascript:${x.replace(')', '&#41;')})`,
    harmlessUnsanitised: "marked 18 makes no link of it: the destination's parentheses do not balance",
  },
  {
    name: 'javascript&#58 without a semicolon',
    source: marked('pull request #592 "XSS with HTML entities"'),
    markdown: (x) => `[URL](javascript&#58document;${x})`,
    harmlessUnsanitised: 'marked 18 escapes the "&" of an unterminated reference, so no colon appears',
  },
  {
    name: 'javascript&#58; with a semicolon',
    source: marked('pull request #592 "XSS with HTML entities"'),
    markdown: (x) => `[URL](javascript&#58;${x})`,
  },
  {
    name: 'javascript&#x3A; (hexadecimal colon)',
    source: marked('Node Security advisory 101 "Sanitization bypass using HTML Entities" (via Modernizr #2003)'),
    markdown: (x) => `[x](javascript&#x3A;${x})`,
  },
  {
    name: 'javascript&colon; (named colon)',
    source: marked('pull request #592, with the named reference &colon;'),
    markdown: (x) => `[x](javascript&colon;${x})`,
  },
  {
    name: 'data:text/html link',
    source: marked('issue #916 "This library is XSS vulnerable"'),
    markdown: (x) => `[xss link](data:text/html;base64,${base64Html(x)})`,
  },
  {
    name: 'reference link to javascript:',
    source: marked('issue #65 "rename sanitize and add hook for URL sanitization"'),
    markdown: (x) => `[click me!][1]\n\n[1]: javascript:${x}`,
  },
  {
    name: 'vbscript: link',
    source: marked('issue #492 "XSS in IE"'),
    markdown: (x) => `[xss link](vbscript:${x})`,
  },
  {
    name: 'email autolink breaking out of href',
    source: marked('issue #926 "Cross-site Scripting (XSS) via autolink"'),
    markdown: (x) => `<bar"onclick="${x}"@foo>`,
    harmlessUnsanitised: 'marked 18 no longer reads this as an autolink and escapes it',
  },
  {
    name: 'email autolink opening an svg',
    source: marked('issue #926 (comment: "<<svg/onload=…//@x>")'),
    markdown: (x) => `<<svg/onload="${x}"//@x>`,
  },
  {
    name: 'autolink to javascript:',
    source: other('daniel3303/Equibles pull request #2625 (Markdig autolink emits javascript: href)'),
    markdown: (x) => `<javascript:${x}>`,
  },
  {
    name: 'mixed-case scheme',
    source: other('apostrophecms/sanitize-html issue #1 "NaughtyHref lets JS through" (case)'),
    markdown: (x) => `[x](JaVaScRiPt:${x})`,
  },
  {
    name: 'scheme written entirely as references',
    source: other('apostrophecms/sanitize-html issue #1 "NaughtyHref lets JS through"'),
    markdown: (x) => `<a href="${decimal(`javascript:${x}`)}">Hax</a>`,
  },
  {
    name: '&#106;avascript: in a raw link',
    source: other('apostrophecms/sanitize-html issue #1 (first letter encoded)'),
    markdown: (x) => `<a href="&#106;avascript:${x}">Hax</a>`,
  },
  {
    name: 'encoded tab inside a Markdown link scheme',
    source: other('juspay/svelte-ui-components pull request #470 ("jav&#x09;ascript:" survived)'),
    markdown: (x) => `[protocol](jav&#x09;ascript:${x})`,
  },
  {
    name: 'javascript: candidate in a srcset',
    source: other('angular/angular issue #9638 (srcset sanitised as one URL, "http://x.y.z 1x, javascript:foo() 2x")'),
    markdown: (x) => `<img src="a.png" srcset="http://x.y.z 1x, javascript:${x} 2x">`,
  },
  {
    name: 'javascript: in ping and a srcset of its own',
    source: other('tox-dev/turbohtml pull request #228 (ping and srcset URL lists were not scheme-checked)'),
    markdown: (x) => `<a href="https://example.org/" ping="javascript:${x}">x</a><img srcset="javascript:${x} 1x">`,
  },
  {
    name: 'image with a javascript: destination',
    source: marked('issue #203, as an image'),
    markdown: (x) => `![x](javascript:${x})`,
  },
  {
    name: 'image title breaking out of its attribute',
    source: other('adam-p/markdown-here issue #474 (\'"><img src=x onerror=…>), in a Markdown image title'),
    markdown: (x) => `![a](x "t\\" onerror=${x} x=\\"")`,
    harmlessUnsanitised: 'marked escapes the quotes of a title',
  },
  {
    name: 'image alt text holding markup',
    source: other('trentm/python-markdown2 pull request #700 (XSS from image alt text)'),
    markdown: (x) => `![<img src=x onerror=${x}>](x)`,
  },

  // --- known payloads where sabaq's Markdown puts author text --------------------------------------
  {
    name: 'img onerror in a table cell',
    source: context('GFM table cell', 'OWASP "On Error Alert"'),
    markdown: (x) => `| a | b |\n|---|---|\n| <img src=x onerror=${x}> | c |`,
    live: true,
  },
  {
    name: 'details ontoggle in a list item',
    source: context(
      'list item',
      "<details open ontoggle>, one of the 5 that ran from marked's raw output in notes/browser-failure-modes.md",
    ),
    markdown: (x) => `- first\n- <details open ontoggle=${x}><summary>s</summary>x</details>`,
    live: true,
  },
  {
    name: 'svg onload in a task list item',
    source: context('task list item', 'OWASP "SVG Object Tag"'),
    markdown: (x) => `- [ ] <svg onload=${x}>\n- [x] done`,
  },
  {
    name: 'img onerror in a heading',
    source: context('ATX heading', 'OWASP "On Error Alert"'),
    markdown: (x) => `# Title <img src=x onerror=${x}>`,
    live: true,
  },
  {
    name: 'img onerror in link text',
    source: context('link text', 'OWASP "On Error Alert"'),
    markdown: (x) => `[<img src=x onerror=${x}>](https://example.org/)`,
    live: true,
  },
  {
    name: 'iframe srcdoc in a blockquote',
    source: context('blockquote', 'iframe srcdoc, one of the 5 in notes/browser-failure-modes.md'),
    markdown: (x) => `> quoted <iframe srcdoc="<script>parent.${x}</script>"></iframe>`,
    live: true,
  },
  {
    name: 'HTML block spanning blank lines',
    source: context('raw HTML block around Markdown', 'OWASP "On Error Alert"'),
    markdown: (x) => `<div>\n\n*emphasis*\n\n<img src=x onerror=${x}>\n\n</div>`,
    live: true,
  },
  {
    name: 'code span closed early',
    source: context('inline code', 'OWASP "On Error Alert"'),
    markdown: (x) => `\`</code><img src=x onerror=${x}>\``,
  },
  {
    name: 'source onerror in a nested list',
    source: context('nested list', 'html5sec #55'),
    markdown: (x) => `1. outer\n   - <audio><source onerror=${x}></audio>`,
    live: true,
  },
  {
    name: 'autofocus onfocus in a paragraph',
    source: context('paragraph', 'DOMPurify html5sec #7 (<input onfocus autofocus>)'),
    markdown: (x) => `Type here: <input autofocus onfocus=${x}> please.`,
  },

  // --- lessons: admonitions and quizzes -------------------------------------------------------------
  {
    name: 'img onerror in an admonition title',
    source: context('admonition title', 'OWASP "On Error Alert"'),
    markdown: (x) => `:::note <img src=x onerror=${x}>\nBody.\n:::`,
    via: 'lesson',
    live: true,
  },
  {
    name: 'javascript: link in an admonition title',
    source: context('admonition title', 'marked issue #203'),
    markdown: (x) => `:::tip [Start here](javascript:${x})\nBody.\n:::`,
    via: 'lesson',
  },
  {
    name: 'admonition title closing the callout',
    source: context('admonition title', 'OWASP "End Title Tag", aimed at </p></aside>'),
    markdown: (x) => `:::warning </p></aside><img src=x onerror=${x}><aside>\nBody.\n:::`,
    via: 'lesson',
  },
  {
    name: 'nesting mXSS in an admonition title',
    source: context('admonition title', 'DOMPurify "Tests against nesting-based mXSS behavior 2/5"'),
    markdown: (x) => `:::danger <math><mtext><table><mglyph><style><img src=x onerror=${x}>\nBody.\n:::`,
    via: 'lesson',
  },
  {
    name: 'details ontoggle in an admonition body',
    source: context('admonition body', '<details open ontoggle>'),
    markdown: (x) => `:::note\n<details open ontoggle=${x}>x</details>\n:::`,
    via: 'lesson',
    live: true,
  },
  {
    name: 'img onerror in a quiz option',
    source: context('quiz option text', 'OWASP "On Error Alert"'),
    markdown: (x) => `${FENCE}quiz\n### Pick one\n1. [x] <img src=x onerror=${x}>\n1. [ ] Other\n${FENCE}`,
    via: 'lesson',
    live: true,
  },
  {
    name: 'svg onload in a quiz question',
    source: context('quiz question heading', 'OWASP "SVG Object Tag"'),
    markdown: (x) => `${FENCE}quiz\n### <svg onload=${x}> Which?\n- [x] a\n- [ ] b\n${FENCE}`,
    via: 'lesson',
  },
  {
    name: 'payloads in a quiz hint, feedback and explanation',
    source: context('quiz hint, option feedback and explanation', '<details ontoggle>, OWASP "On Error Alert", marked #203'),
    markdown: (x) =>
      `${FENCE}quiz\n### Q\n> <details open ontoggle=${x}>hint</details>\n\n1. [x] A\n   > <img src=x onerror=${x}>\n` +
      `1. [ ] B\n\n> [why](javascript:${x})\n${FENCE}`,
    via: 'lesson',
    live: true,
  },
  {
    name: 'payloads in matching and ordering items',
    source: context('quiz matching pairs and ordering items', 'OWASP "On Error Alert", autolink javascript:'),
    markdown: (x) =>
      `${FENCE}quiz\n### Match\n- <img src=x onerror=${x}> -> b\n- c -> <javascript:${x}>\n\n` +
      `### Order\n1. <svg onload=${x}>\n2. second\n${FENCE}`,
    via: 'lesson',
  },
  {
    name: 'quiz id breaking out of the slot attribute',
    source: context('quiz front matter id', 'markdown-here issue #474 (\'"><img src=x onerror=…>)'),
    markdown: (x) => `${FENCE}quiz\n---\nid: 'x"><img src=x onerror=${x}>'\n---\n### Q\n= 1\n${FENCE}`,
    harmlessUnsanitised: 'an id is not Markdown: an invalid one is refused and the slot gets the default id',
    via: 'lesson',
  },
  // --- links and loads that run nothing but leave the course (issue 16) ------------------------------
  {
    name: 'svg link with xlink:href to another site',
    source: other('SVG `<a xlink:href>` keeps no target/rel, so a click replaces the page (sabaq issue 16)'),
    markdown: () =>
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
      '<a xlink:href="https://example.org/x"><text y="20">Click</text></a></svg>',
  },
  {
    name: 'svg link with href to another site',
    source: other('SVG 2 `<a href>` (sabaq issue 16)'),
    markdown: () => '<svg><a href="https://example.org/x"><rect width="40" height="40"/></a></svg>',
  },
  {
    name: 'image map area to another site',
    source: other('`<area href>` keeps no target/rel (sabaq issue 16)'),
    markdown: () =>
      '<map name="m"><area shape="rect" coords="0,0,40,40" href="https://example.org/x" alt="x"></map>' +
      '<img usemap="#m" src="x.png" alt="map">',
  },
  {
    name: 'svg presentation attributes loading other sites',
    source: other('external `url()` in `fill`, `mask`, `clip-path`, `marker-end`, `filter`, `stroke` (sabaq issue 16)'),
    markdown: () =>
      '<svg><path d="M0 0L9 9" fill="url(https://example.org/f.svg#a)" stroke="url(\'//example.org/s.svg#b\') red" ' +
      'mask="url(https://example.org/m.svg#c)" clip-path=\'url( "https://example.org/c.svg#d" )\' ' +
      'marker-end="URL(https://example.org/e.svg#e)" filter="u\\72l(https://example.org/g.svg#f)"/></svg>',
  },
];

export const XSS_CORPUS: readonly XssPayload[] = DEFINITIONS.map((definition, id) => {
  const payload: XssPayload = {
    id,
    name: definition.name,
    source: definition.source,
    markdown: definition.markdown(`${SENTINEL}(${id})`),
    via: definition.via ?? 'markdown',
  };
  if (definition.live) payload.live = true;
  if (definition.harmlessUnsanitised) payload.harmlessUnsanitised = definition.harmlessUnsanitised;
  return payload;
});
