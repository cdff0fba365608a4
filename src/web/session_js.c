/* session_js.c — /static/session.js: a session's pages follow the session
 * with JavaScript. The step's time counts down each second beside the
 * "until HH:MM" the page says without it; every five seconds the script
 * asks GET /api/v1/sessions/{id}/state (no texts, not audited) and, when
 * the session has changed (another step, new answers, ideas selected, the
 * summary written), reloads the page: always on the projector, and on the
 * leader's or a member's page only while nothing is being typed there;
 * else it shows a notice with a link to reload, so that no half-written
 * answer is lost. Without JavaScript the pages work as they are, reloaded
 * by hand. Everything it shows is set as text. */
#include "web.h"
#include "html/html.h"

static const char session_js[] =
	"'use strict';\n"
	"(function () {\n"
	"  var el = document.querySelector('[data-session]');\n"
	"  if (!el || !window.fetch) return;\n"
	"  var id = el.getAttribute('data-session'), view = el.getAttribute('data-view');\n"
	"  var ends = Number(el.getAttribute('data-ends')) || 0;\n"
	"  var clock = document.getElementById('step-clock');\n"
	"  function pad(n) { return (n < 10 ? '0' : '') + n; }\n"
	"  function tick() {\n"
	"    if (!clock || !ends) return;\n"
	"    var left = Math.round(ends - Date.now() / 1000);\n"
	"    clock.textContent = left > 0\n"
	"      ? el.getAttribute('data-left').replace('%s', Math.floor(left / 60) + ':' + pad(left % 60))\n"
	"      : el.getAttribute('data-over');\n"
	"  }\n"
	"  function typing() {\n"
	"    var f = document.querySelectorAll('textarea, input[type=text]');\n"
	"    for (var i = 0; i < f.length; i++)\n"
	"      if (f[i] === document.activeElement || (f[i].value && f[i].value !== f[i].defaultValue)) return true;\n"
	"    return false;\n"
	"  }\n"
	"  var last = null;\n"
	"  function poll() {\n"
	"    fetch('/api/v1/sessions/' + encodeURIComponent(id) + '/state',\n"
	"          { credentials: 'same-origin', headers: { Accept: 'application/json' } })\n"
	"      .then(function (r) { return r.ok ? r.text() : null; })\n"
	"      .then(function (t) {\n"
	"        if (t === null) return;\n"
	"        if (last !== null && t !== last) {\n"
	"          if (view === 'projector' || !typing()) { window.location.reload(); return; }\n"
	"          var note = document.getElementById('session-changed');\n"
	"          if (note) note.hidden = false;\n"
	"        }\n"
	"        last = t;\n"
	"      }, function () {});\n"
	"  }\n"
	"  tick();\n"
	"  setInterval(tick, 1000);\n"
	"  poll();\n"
	"  setInterval(poll, 5000);\n"
	"})();\n";

void page_static_session_js(struct web *w)
{
	w->r->response_type = "text/javascript; charset=utf-8";
	response_header(w->r, "Cache-Control", "public, max-age=3600");
	buf_add(w->out, session_js, sizeof(session_js) - 1);
}
