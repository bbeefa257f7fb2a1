// claimscan report: filters, search and the paginated document list.
// Plain DOM code, no network, no libraries. Text is only ever set with
// textContent, never parsed as HTML.
(function () {
  'use strict';
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById('cs-data').textContent);
  var kinds = data.kinds || [];
  var docs = data.docs || [];
  var pageRows = data.pageRows || 100;
  var state = { off: {}, doc: '', label: '', q: '', page: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var table = $('doc-table');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.doc'));

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function has(s, q) { return String(s || '').toLowerCase().indexOf(q) >= 0; }

  function rowMatches(d) {
    var allKinds = true, anyKind = false;
    for (var i = 0; i < kinds.length; i++) {
      if (state.off[kinds[i]]) allKinds = false;
      else if (d.k[i] > 0) anyKind = true;
    }
    if (!allKinds && !anyKind) return false;
    if (state.doc && !has(d.id, state.doc) && !has(d.title, state.doc)) return false;
    switch (state.label) {
      case 'claims': if (!d.c) return false; break;
      case 'check-fail': if (!d.x) return false; break;
      case 'supported': if (!d.v[0]) return false; break;
      case 'contradicted': if (!d.v[1]) return false; break;
      case 'absent': if (!d.v[2]) return false; break;
    }
    if (state.q && !has(d.id, state.q) && !has(d.title, state.q) &&
        !has(d.m, state.q) && !has(d.s, state.q)) {
      // In a one-page report the text itself is searched too.
      var sec = document.getElementById(d.href.charAt(0) === '#' ? d.href.slice(1) : '');
      if (!sec || !has(sec.textContent, state.q)) return false;
    }
    return true;
  }

  function renderTable() {
    if (!table) return;
    var rows = [];
    for (var i = 0; i < docs.length; i++) if (rowMatches(docs[i])) rows.push(i);
    var pages = Math.max(1, Math.ceil(rows.length / pageRows));
    if (state.page >= pages) state.page = pages - 1;
    var tbody = table.tBodies[0];
    var frag = document.createDocumentFragment();
    var from = state.page * pageRows, to = Math.min(rows.length, from + pageRows);
    for (var r = from; r < to; r++) {
      var n = rows[r], d = docs[n];
      var tr = el('tr');
      tr.appendChild(el('td', 'num', n + 1));
      var td = el('td');
      var a = el('a', 't', d.title || d.id);
      a.setAttribute('href', d.href);
      td.appendChild(a);
      if (d.title) { td.appendChild(el('br')); td.appendChild(el('span', 'id', d.id)); }
      if (d.m) { td.appendChild(el('br')); td.appendChild(el('span', 'id', d.m)); }
      tr.appendChild(td);
      tr.appendChild(el('td', '', d.date || ''));
      var kc = el('td');
      for (var k = 0; k < kinds.length; k++) {
        if (!d.k[k]) continue;
        var s = el('span', 'kc k-' + kinds[k].replace(/[^A-Za-z0-9]/g, '_'), d.k[k]);
        s.title = kinds[k];
        kc.appendChild(s);
      }
      tr.appendChild(kc);
      tr.appendChild(el('td', 'num', d.c));
      tr.appendChild(el('td', 'num', d.x ? d.x + ' ✗' : ''));
      tr.appendChild(el('td', '', (d.v[0] ? d.v[0] + ' supported ' : '') +
        (d.v[1] ? d.v[1] + ' contradicted ' : '') + (d.v[2] ? d.v[2] + ' absent' : '')));
      frag.appendChild(tr);
    }
    tbody.textContent = '';
    tbody.appendChild(frag);
    ['pager-top', 'pager-bottom'].forEach(function (id) {
      var p = $(id);
      if (!p) return;
      p.textContent = '';
      var prev = el('button', '', '‹ previous'), next = el('button', '', 'next ›');
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      prev.addEventListener('click', function () { state.page--; renderTable(); });
      next.addEventListener('click', function () { state.page++; renderTable(); });
      p.appendChild(prev);
      p.appendChild(el('span', '', 'page ' + (state.page + 1) + ' of ' + pages +
        ' · ' + rows.length + ' of ' + docs.length + ' documents'));
      p.appendChild(next);
    });
    return rows.length;
  }

  function claimMatches(li) {
    var l = state.label;
    if (!l || l === 'claims') return true;
    if (l === 'check-fail') return li.getAttribute('data-check') === 'fails';
    return li.getAttribute('data-label') === l;
  }

  function applySections() {
    var shown = 0;
    sections.forEach(function (sec) {
      var ok = true;
      if (state.doc && !has(sec.getAttribute('data-doc'), state.doc) &&
          !has(sec.getAttribute('data-title'), state.doc)) ok = false;
      var claims = sec.querySelectorAll('li.claim'), anyClaim = false;
      for (var i = 0; i < claims.length; i++) {
        var m = claimMatches(claims[i]);
        claims[i].classList.toggle('hidden', !m);
        if (m) anyClaim = true;
      }
      if (state.label && !anyClaim) ok = false;
      var rows = sec.querySelectorAll('.row'), anyRow = !state.q;
      for (var j = 0; j < rows.length; j++) {
        var hit = !state.q || has(rows[j].textContent, state.q);
        rows[j].classList.toggle('hidden', !hit);
        if (hit) anyRow = true;
      }
      if (state.q && !anyRow && !has(sec.getAttribute('data-doc'), state.q)) ok = false;
      sec.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    return shown;
  }

  function apply() {
    var n = renderTable();
    var s = applySections();
    var c = $('f-count');
    if (c) {
      c.textContent = table ? n + ' of ' + docs.length + ' documents'
        : (state.q || state.label ? (s ? 'matches shown' : 'no match') : '');
    }
  }

  // Filters can be given in the address too (?q=...&doc=...&label=...
  // &hide=KIND), to share a view.
  var params = new URLSearchParams(location.search);
  function setKind(box) {
    state.off[box.value] = !box.checked;
    document.querySelectorAll('mark[data-kind]').forEach(function (m) {
      if (m.getAttribute('data-kind') === box.value) m.classList.toggle('off', !box.checked);
    });
  }
  document.querySelectorAll('.legend input[type=checkbox]').forEach(function (box) {
    if (params.getAll('hide').indexOf(box.value) >= 0) {
      box.checked = false;
      setKind(box);
    }
    box.addEventListener('change', function () {
      setKind(box);
      state.page = 0;
      apply();
    });
  });
  [['f-doc', 'doc'], ['f-label', 'label'], ['f-search', 'q']].forEach(function (p) {
    var e = $(p[0]);
    if (!e) return;
    var given = params.get(p[1]);
    if (given !== null) {
      e.value = given;
      state[p[1]] = given.trim().toLowerCase();
    }
    e.addEventListener('input', function () {
      state[p[1]] = e.value.trim().toLowerCase();
      state.page = 0;
      apply();
    });
  });

  // A claim lights up the mentions it was built from.
  document.querySelectorAll('li.claim').forEach(function (li) {
    var ids = [];
    try { ids = JSON.parse(li.getAttribute('data-mentions') || '[]'); } catch (e) { ids = []; }
    var marks = [];
    var sec = li.closest('section.doc');
    sec.querySelectorAll('mark[data-id]').forEach(function (m) {
      if (ids.indexOf(m.getAttribute('data-id')) >= 0) marks.push(m);
    });
    li.addEventListener('mouseenter', function () {
      marks.forEach(function (m) { m.classList.add('hl'); });
    });
    li.addEventListener('mouseleave', function () {
      marks.forEach(function (m) { m.classList.remove('hl'); });
    });
  });

  apply();
  document.documentElement.setAttribute('data-ready', '1');
  // For measurements: the script's own time, and the time since navigation.
  document.documentElement.setAttribute('data-render-ms', (performance.now() - t0).toFixed(1));
  document.documentElement.setAttribute('data-load-ms', performance.now().toFixed(1));
  // For measurements (docs/REPORT.md): milliseconds from navigation to the
  // load event with layout done.
  window.addEventListener('load', function () {
    void document.body.offsetHeight;
    document.documentElement.setAttribute('data-loaded-ms', performance.now().toFixed(1));
  });
})();
