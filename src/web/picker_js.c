/* picker_js.c — /static/picker.js: the people pickers with JavaScript. A
 * <select data-picker> (the choices the page found without JavaScript)
 * gets a search field before it that suggests people while typing, from
 * GET /api/v1/people with the session, as a WAI-ARIA combobox: the list is
 * a listbox, the arrow keys move through it (aria-activedescendant), Enter
 * chooses, Escape closes. A chosen person becomes the select's option, so
 * the form sends what it sends without JavaScript. Everything it shows is
 * set as text, never as HTML. */
#include "web.h"
#include "html/html.h"

static const char picker_js[] =
	"'use strict';\n"
	"(function () {\n"
	"  var seq = 0;\n"
	"  function label(p) { return p.name + ' (' + p.employee_id + (p.unit ? ', ' + p.unit : '') + ')'; }\n"
	"  function enhance(sel) {\n"
	"    var id = sel.id || ('picker-' + (++seq));\n"
	"    var box = document.createElement('input');\n"
	"    box.type = 'text';\n"
	"    box.id = id + '-find';\n"
	"    box.className = 'picker';\n"
	"    box.setAttribute('role', 'combobox');\n"
	"    box.setAttribute('aria-autocomplete', 'list');\n"
	"    box.setAttribute('aria-expanded', 'false');\n"
	"    box.setAttribute('aria-controls', id + '-list');\n"
	"    box.setAttribute('autocomplete', 'off');\n"
	"    box.setAttribute('aria-label', sel.getAttribute('data-picker'));\n"
	"    var list = document.createElement('ul');\n"
	"    list.id = id + '-list';\n"
	"    list.className = 'picker-list';\n"
	"    list.setAttribute('role', 'listbox');\n"
	"    list.setAttribute('aria-label', sel.getAttribute('data-picker'));\n"
	"    list.hidden = true;\n"
	"    var status = document.createElement('p');\n"
	"    status.className = 'hint';\n"
	"    status.setAttribute('role', 'status');\n"
	"    sel.parentNode.insertBefore(box, sel);\n"
	"    sel.parentNode.insertBefore(list, sel);\n"
	"    sel.parentNode.insertBefore(status, sel);\n"
	"    var found = [], active = -1, timer = null, asked = 0;\n"
	"    function close() { list.hidden = true; box.setAttribute('aria-expanded', 'false');\n"
	"      box.removeAttribute('aria-activedescendant'); active = -1; }\n"
	"    function show() {\n"
	"      list.textContent = '';\n"
	"      found.forEach(function (p, i) {\n"
	"        var li = document.createElement('li');\n"
	"        li.id = id + '-opt-' + i;\n"
	"        li.setAttribute('role', 'option');\n"
	"        li.setAttribute('aria-selected', i === active ? 'true' : 'false');\n"
	"        li.textContent = label(p);\n"
	"        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });\n"
	"        list.appendChild(li);\n"
	"      });\n"
	"      list.hidden = found.length === 0;\n"
	"      box.setAttribute('aria-expanded', found.length ? 'true' : 'false');\n"
	"      if (active >= 0) box.setAttribute('aria-activedescendant', id + '-opt-' + active);\n"
	"      else box.removeAttribute('aria-activedescendant');\n"
	"    }\n"
	"    function choose(i) {\n"
	"      var p = found[i];\n"
	"      if (!p) return;\n"
	"      var opt = null;\n"
	"      for (var k = 0; k < sel.options.length; k++) if (sel.options[k].value === String(p.id)) opt = sel.options[k];\n"
	"      if (!opt) { opt = document.createElement('option'); opt.value = String(p.id);\n"
	"        opt.textContent = p.name + ' (' + p.employee_id + ')'; sel.appendChild(opt); }\n"
	"      opt.selected = true;\n"
	"      sel.dispatchEvent(new Event('change', { bubbles: true }));\n"
	"      status.textContent = sel.getAttribute('data-chosen').replace('%s', p.name);\n"
	"      box.value = sel.multiple ? '' : p.name;\n"
	"      close();\n"
	"    }\n"
	"    function search() {\n"
	"      var q = box.value.trim();\n"
	"      if (q.length < 2) { found = []; close(); return; }\n"
	"      var mine = ++asked;\n"
	"      fetch('/api/v1/people?limit=10&q=' + encodeURIComponent(q), { credentials: 'same-origin' })\n"
	"        .then(function (r) { return r.ok ? r.json() : { people: [], total: 0 }; })\n"
	"        .then(function (j) {\n"
	"          if (mine !== asked) return;\n"
	"          found = j.people || []; active = found.length ? 0 : -1; show();\n"
	"          var total = j.total || 0;\n"
	"          status.textContent = total > found.length\n"
	"            ? sel.getAttribute('data-found').replace('%d', String(total)).replace('%d', String(found.length))\n"
	"            : sel.getAttribute('data-found-all').replace('%d', String(total));\n"
	"        })\n"
	"        .catch(function () { found = []; close(); });\n"
	"    }\n"
	"    box.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 150); });\n"
	"    box.addEventListener('keydown', function (ev) {\n"
	"      if (ev.key === 'ArrowDown' && found.length) { active = (active + 1) % found.length; show(); ev.preventDefault(); }\n"
	"      else if (ev.key === 'ArrowUp' && found.length) { active = (active + found.length - 1) % found.length; show();\n"
	"        ev.preventDefault(); }\n"
	"      else if (ev.key === 'Enter') { if (!list.hidden && active >= 0) { choose(active); } ev.preventDefault(); }\n"
	"      else if (ev.key === 'Escape') { close(); }\n"
	"    });\n"
	"    box.addEventListener('blur', function () { setTimeout(close, 100); });\n"
	"  }\n"
	"  Array.prototype.forEach.call(document.querySelectorAll('select[data-picker]'), enhance);\n"
	"})();\n";

void page_static_picker_js(struct web *w)
{
	w->r->response_type = "text/javascript; charset=utf-8";
	response_header(w->r, "Cache-Control", "public, max-age=3600");
	buf_add(w->out, picker_js, sizeof(picker_js) - 1);
}

void picker_attributes(struct web *w, const char *label)
{
	w->picker_script = true;  /* page_end adds the script */
	html(w->out, " data-picker=\"%s\" data-found=\"%s\" data-found-all=\"%s\" data-chosen=\"%s\"",
	     arena_printf(w->a, _("Find a person for: %s"), label), _("%d found; the first %d are suggested."),
	     _("%d found."), _("%s chosen."));
}
