/* research_js.c — /static/research.js: coding a source by selecting its
 * text. Without JavaScript the researcher ticks sentences
 * (research_source.c); with it, the page shows the text itself, the
 * researcher selects any passage with the mouse or the keyboard (shift and
 * the arrow keys), and the script puts its start and end, in code points
 * of the source's text as the server counts them, into the form's hidden
 * fields. The form then posts what it posts without the script, but with
 * start and end instead of ticked sentences. Everything it shows is set as
 * text, never as HTML. */
#include "web.h"
#include "html/html.h"

static const char research_js[] =
	"'use strict';\n"
	"(function () {\n"
	"  var text = document.getElementById('source-text');\n"
	"  if (!text) return;\n"
	"  var form = text.closest('form');\n"
	"  var start = form.querySelector('input[name=start]'), end = form.querySelector('input[name=end]');\n"
	"  var status = document.getElementById('selection-status');\n"
	"  var segments = form.querySelector('fieldset.segments');\n"
	"  text.hidden = false;\n"
	"  status.hidden = false;\n"
	"  if (segments) { segments.hidden = true; segments.disabled = true; }\n"
	"  function points(s) { return Array.from(s).length; }\n"
	"  function offset(node, off) {\n"
	"    var r = document.createRange();\n"
	"    r.setStart(text, 0);\n"
	"    r.setEnd(node, off);\n"
	"    return points(r.toString());\n"
	"  }\n"
	"  function update() {\n"
	"    var sel = window.getSelection();\n"
	"    if (!sel || sel.rangeCount === 0) return;\n"
	"    var r = sel.getRangeAt(0);\n"
	"    if (r.collapsed || !text.contains(r.startContainer) || !text.contains(r.endContainer)) return;\n"
	"    var a = offset(r.startContainer, r.startOffset), b = offset(r.endContainer, r.endOffset);\n"
	"    if (b <= a) return;\n"
	"    start.value = String(a);\n"
	"    end.value = String(b);\n"
	"    var chosen = r.toString();\n"
	"    if (points(chosen) > 120) chosen = Array.from(chosen).slice(0, 120).join('') + '…';\n"
	"    status.textContent = status.getAttribute('data-chosen') + ' ' + chosen;\n"
	"  }\n"
	"  document.addEventListener('selectionchange', update);\n"
	"  form.addEventListener('submit', function (ev) {\n"
	"    if (!start.value) { ev.preventDefault(); status.textContent = status.getAttribute('data-none'); status.focus(); }\n"
	"  });\n"
	"})();\n";

void page_static_research_js(struct web *w)
{
	w->r->response_type = "text/javascript; charset=utf-8";
	response_header(w->r, "Cache-Control", "public, max-age=3600");
	buf_add(w->out, research_js, sizeof(research_js) - 1);
}
