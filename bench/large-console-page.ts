// A large console page for the overhead benchmark: a Jamf-style computer inventory of about
// 5,000 elements, rendered by script on demand (as the real single-page app does after load),
// then kept busy for a while: text, classes and styles change and rows come and go every 50 ms.
// The page also shows a "Client ID" and a masked "Client Secret" (like Jamf's identity-provider
// settings), so the extension's cheap "no secret wording here" gate does not apply and its full
// scan runs. Every change is drawn from a seeded generator: both arms do exactly the same work.

export const LARGE_PAGE_PATH = '/view/computers/bench-inventory';
export const LARGE_PAGE_URL = `https://acme.jamfcloud.com${LARGE_PAGE_PATH}`;

const SCRIPT = String.raw`
(function () {
  var seed = 20240611;
  function rand() { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; var t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
  function pick(n) { return Math.floor(rand() * n); }
  var models = ['MacBook Pro (14-inch, 2023)', 'MacBook Air (M2, 2022)', 'iMac (24-inch, 2021)', 'Mac mini (2023)', 'Mac Studio (2022)'];
  var os = ['14.5', '14.4.1', '13.6.7', '15.0', '14.6'];
  var next = 0;
  function hex(n) { var s = ''; for (var i = 0; i < n; i++) s += '0123456789ABCDEF'[pick(16)]; return s; }
  function row() {
    var id = ++next;
    var tr = document.createElement('tr');
    var cells = ['MAC-' + String(id).padStart(5, '0'), 'C02' + hex(9), models[pick(models.length)], 'macOS ' + os[pick(os.length)],
      'user' + pick(900) + '@acme.example', 'Building ' + (1 + pick(12)), pick(59) + ' min ago'];
    for (var i = 0; i < cells.length; i++) { var td = document.createElement('td'); td.textContent = cells[i]; tr.appendChild(td); }
    var last = document.createElement('td'); var badge = document.createElement('span'); badge.className = 'status'; badge.textContent = 'Managed'; last.appendChild(badge); tr.appendChild(last);
    return tr;
  }
  window.__benchGo = function (durationMs) {
    var tbody = document.getElementById('inventory-rows');
    var rows = [];
    for (var i = 0; i < 500; i++) { var r = row(); rows.push(r); tbody.appendChild(r); }
    var counter = document.getElementById('counter').firstChild;
    var started = performance.now(); var ticks = 0;
    var timer = setInterval(function () {
      ticks++;
      for (var i = 0; i < 20; i++) rows[pick(rows.length)].children[6].textContent = pick(59) + ' min ago';
      for (var j = 0; j < 10; j++) rows[pick(rows.length)].classList.toggle('selected');
      for (var k = 0; k < 5; k++) rows[pick(rows.length)].children[3].style.color = pick(2) ? '#1d6b35' : '';
      for (var m = 0; m < 3; m++) { var at = pick(rows.length); rows[at].remove(); var fresh = row(); rows[at] = fresh; tbody.appendChild(fresh); }
      counter.nodeValue = rows.length + ' computers · refreshed ' + ticks + ' times';
      if (performance.now() - started >= durationMs) {
        clearInterval(timer);
        window.__benchDone = { ticks: ticks, elements: document.getElementsByTagName('*').length };
      }
    }, 50);
  };
})();`;

export function largeConsolePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jamf Pro | Computers</title><base href="/">
<style>body{margin:0;font:14px system-ui,sans-serif}table{border-collapse:collapse;width:100%}td,th{padding:2px 6px;border-bottom:1px solid #ddd;text-align:left}
tr.selected{background:#e8f0fe}.status{padding:1px 6px;border-radius:8px;background:#e3f4e8}.card{border:1px solid #ddd;padding:8px;margin:8px 0}</style></head>
<body><nav aria-label="Jamf Pro"><a href="/">Dashboard</a> <a href="/computers.html" aria-current="page">Computers</a> <a href="/view/settings">Settings</a></nav>
<main><h1>Computers</h1><p id="counter">0 computers</p>
<section class="card"><h2>Cloud identity provider</h2><dl>
<div><dt>Client ID</dt><dd>6c1f0e52-93ab-4d7e-b8a2-4f1d3c9e7b20</dd></div>
<div><dt>Client Secret</dt><dd>••••••••••••••••</dd></div></dl></section>
<table><thead><tr><th>Name</th><th>Serial</th><th>Model</th><th>OS</th><th>User</th><th>Building</th><th>Last check-in</th><th>State</th></tr></thead>
<tbody id="inventory-rows"></tbody></table></main>
<script>${SCRIPT}</script></body></html>`;
}
