/* The staff network map.
   Reads #map-data (the NetworkMap model, months, style table and labels) and does everything in
   the browser: search, filters, the month-by-month replay, k-hop focus, grouping by municipality
   or industry, counts and PNG/CSV export. Nothing is fetched. Names are user input, so they only
   reach the page through textContent, new Option(text) or vis-network's canvas `label`. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var t = data.i18n, st = data.style, months = data.months;
  var people = data.graph.nodes, links = data.graph.edges;
  var BIG = people.length > 1000;
  var indexOf = new Map();
  people.forEach(function (p, i) { indexOf.set(p.id, i); });

  function $(id) { return document.getElementById(id); }
  function person(id) { return people[indexOf.get(id)]; }
  function roleKey(roles) {
    var d = roles.indexOf("door_opener") >= 0, p = roles.indexOf("participant") >= 0;
    return d && p ? "both" : d ? "door_opener" : "participant";
  }

  /* ---- vis items: one per person and per connection, styled from the shared table ---- */
  function personItem(p) {
    var colour = st.role_colours[roleKey(p.roles)];
    var fill = p.active ? colour : st.inactive;
    return {
      id: p.id, label: p.label, shape: st.shapes[roleKey(p.roles)], size: 10,
      borderWidth: p.active ? 1 : 2.5,
      color: { background: fill, border: p.active ? "#3e4c59" : colour,
               highlight: { background: fill, border: "#000" }, hover: { background: fill, border: "#000" } }
    };
  }
  function linkItem(e, i) {
    var look = st.edges[e.type];
    var item = { id: "e" + i, from: e.source, to: e.target, dashes: look.dashes, width: look.width,
                 arrows: look.arrows, color: { color: look.color, highlight: look.color, hover: look.color, opacity: 0.8 } };
    // A match and its meeting join the same two people: bend the match so both stay visible.
    if (e.type === "MATCHED" && !BIG) item.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 };
    return item;
  }
  var nodes = new vis.DataSet(people.map(personItem));
  var edges = new vis.DataSet(links.map(linkItem));
  var placed = new Set();  // people whose layout position is stored in `nodes`

  /* ---- state and the visible sets every view is built from ---- */
  var state = { role: "", attrs: {}, activeOnly: false, types: {}, month: months.length - 1,
                focus: null, hops: 0, groupBy: people.length > data.cluster_above ? "municipality" : "" };
  Object.keys(st.edges).forEach(function (k) { state.types[k] = true; });
  var visibleNodes = new Set(), visibleEdges = new Set();

  function passes(p, i) {
    if (state.activeOnly && !p.active) return false;
    if (state.role && p.roles.indexOf(state.role) < 0) return false;
    for (var key in state.attrs) {
      var want = state.attrs[key], have = p[key];
      if (want && (Array.isArray(have) ? have.indexOf(want) < 0 : have !== want)) return false;
    }
    var m = data.node_month[i];
    return m === null || m <= state.month;
  }
  function withinHops(start, hops, live) {
    var next = new Map();
    function link(a, b) { if (!next.has(a)) next.set(a, []); next.get(a).push(b); }
    live.forEach(function (i) { link(links[i].source, links[i].target); link(links[i].target, links[i].source); });
    var seen = new Set([start]), frontier = [start];
    for (var step = 0; step < hops && frontier.length; step++) {
      var ahead = [];
      frontier.forEach(function (id) {
        (next.get(id) || []).forEach(function (n) { if (!seen.has(n)) { seen.add(n); ahead.push(n); } });
      });
      frontier = ahead;
    }
    return seen;
  }
  function computeVisible() {
    var base = new Set();
    people.forEach(function (p, i) { if (passes(p, i)) base.add(p.id); });
    var live = [];
    links.forEach(function (e, i) {
      var m = data.edge_month[i];
      if (state.types[e.type] && (m === null || m <= state.month) && base.has(e.source) && base.has(e.target)) live.push(i);
    });
    var shown = state.focus !== null && state.hops > 0 && base.has(state.focus) ? withinHops(state.focus, state.hops, live) : base;
    visibleNodes = shown;
    visibleEdges = new Set();
    live.forEach(function (i) { if (shown.has(links[i].source) && shown.has(links[i].target)) visibleEdges.add("e" + i); });
  }
  computeVisible();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });

  /* ---- grouping: above a few thousand people, one node per municipality or industry ---- */
  var groupNodes = new vis.DataSet(), groupEdges = new vis.DataSet();
  var groupPos = new Map(), expanded = new Set();
  function groupKey(p) { return (state.groupBy === "municipality" ? p.municipality : p.industries[0]) || ""; }
  function buildGroups() {
    var members = new Map();
    visibleNodes.forEach(function (id) {
      var k = groupKey(person(id));
      if (!members.has(k)) members.set(k, []);
      members.get(k).push(id);
    });
    var items = [], unplaced = [];
    members.forEach(function (ids, k) {
      var gid = "group:" + k, at = groupPos.get(gid);
      if (!expanded.has(k)) {
        var group = { id: gid, label: (k || t.not_given) + " (" + ids.length + ")", shape: "dot", group_key: k,
                      size: Math.min(60, 12 + 2 * Math.sqrt(ids.length)), borderWidth: 2,
                      mass: 1 + Math.sqrt(ids.length) / 2,  // big groups push harder, so they do not overlap
                      color: { background: "#d9e2ec", border: "#486581" }, font: { size: 14 } };
        if (at) { group.x = at.x; group.y = at.y; } else unplaced.push({ item: group, n: ids.length });
        items.push(group);
        return;
      }
      ids.forEach(function (id, n) {  // a golden-angle spiral around where the group stood
        var item = personItem(person(id)), r = 18 * Math.sqrt(n + 1), a = n * 2.39996;
        item.x = (at ? at.x : 0) + r * Math.cos(a); item.y = (at ? at.y : 0) + r * Math.sin(a);
        items.push(item);
      });
    });
    function shownAs(id) { var k = groupKey(person(id)); return expanded.has(k) ? id : "group:" + k; }
    var joined = new Map(), lines = [];
    visibleEdges.forEach(function (eid) {
      var i = Number(eid.slice(1)), a = shownAs(links[i].source), b = shownAs(links[i].target);
      if (a === links[i].source && b === links[i].target) { lines.push(linkItem(links[i], i)); return; }
      if (a === b) return;
      var key = a < b ? a + "\u0000" + b : b + "\u0000" + a;
      var j = joined.get(key) || { id: "agg:" + key, from: a, to: b, count: 0 };
      j.count += 1; joined.set(key, j);
    });
    joined.forEach(function (j) {
      j.width = 1 + Math.log2(j.count); j.length = 250; j.color = { color: "#9aa5b1", opacity: 0.5 }; lines.push(j);
    });
    seed(unplaced);
    groupNodes.clear(); groupEdges.clear();
    groupNodes.add(items); groupEdges.add(lines);
    return unplaced.length > 0;  // whether physics has groups to place
  }
  /* Groups without a place yet start on a golden-angle spiral, the largest in the middle, so the
     first picture is already readable while physics improves it. */
  function seed(unplaced) {
    unplaced.sort(function (a, b) { return b.n - a.n; });
    unplaced.forEach(function (u, n) {
      var r = 70 * Math.sqrt(n), a = n * 2.39996;
      u.item.x = r * Math.cos(a); u.item.y = r * Math.sin(a);
    });
  }

  /* ---- the network, its layout and position memory ----
     The map is drawn first with whatever positions it has (stored, seeded, or vis-network's
     random start) and laid out by physics right after that first draw: laying out thousands of
     people before drawing anything kept the page blank for seconds. The layout itself is the same
     physics run as before, with the same number of iterations. */
  var container = $("map-canvas"), progress = $("map-progress"), tip = $("map-tooltip");
  var drawnOnce = false, settleAfterDraw = 0;
  var firstLayout = state.groupBy ? buildGroups() && 150 : BIG ? 150 : 400;  // iterations
  var network = new vis.Network(container, state.groupBy ? { nodes: groupNodes, edges: groupEdges } : { nodes: nodeView, edges: edgeView }, {
    layout: { improvedLayout: false, randomSeed: 7 },  // physics does the layout
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -35, centralGravity: 0.02, springLength: 70, avoidOverlap: 0.3 },
               stabilization: { enabled: true, iterations: BIG ? 150 : 400, updateInterval: 20, fit: true } },
    interaction: { hover: true, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG },
    nodes: { font: { size: 12, color: "#1f2933", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 1 }
  });
  container.visNetwork = network;  // for tests and the console: what is drawn, not a copy
  network.once("afterDrawing", function () {
    drawnOnce = true;
    if (settleAfterDraw) setTimeout(function () { settle(settleAfterDraw); }, 0);
  });
  if (firstLayout) settle(firstLayout);  // waits for the first draw, just below
  network.redraw();
  function settle(iterations) {
    iterations = iterations || (BIG ? 150 : 300);
    if (!drawnOnce) { settleAfterDraw = Math.max(settleAfterDraw, iterations); return; }
    network.redraw();  // vis-network may have blanked the canvas since; the picture stays up
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations);
  }
  network.on("stabilizationProgress", function (p) {
    progress.textContent = t.layout_progress + " " + Math.round((100 * p.iterations) / p.total) + " %";
  });
  network.on("stabilizationIterationsDone", function () {
    progress.textContent = "";
    network.setOptions({ physics: { enabled: false } });
    var at = network.getPositions(), keep = [];
    Object.keys(at).forEach(function (id) {
      if (indexOf.has(id)) { keep.push({ id: id, x: at[id].x, y: at[id].y }); placed.add(id); }
      else groupPos.set(id, at[id]);
    });
    nodes.update(keep);
  });
  network.on("beforeDrawing", function (ctx) {  // an opaque background, so the PNG export is too
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
  });

  /* ---- redraw after any change, and the counts ---- */
  function render() {
    computeVisible();
    if (state.groupBy) { if (buildGroups()) settle(); }
    else {
      nodeView.refresh(); edgeView.refresh();
      var unplaced = false;
      visibleNodes.forEach(function (id) { if (!placed.has(id)) unplaced = true; });
      if (unplaced) settle();
    }
    showCounts(); search();
  }
  function showCounts() {
    var byType = {};
    Object.keys(st.edges).forEach(function (k) { byType[k] = 0; });
    visibleEdges.forEach(function (eid) { byType[links[Number(eid.slice(1))].type] += 1; });
    var parts = Object.keys(byType).map(function (k) { return t["edge_" + k] + " " + byType[k]; });
    var text = t.people + ": " + visibleNodes.size + " " + t.of + " " + people.length + " · " +
      t.connections + ": " + visibleEdges.size + " " + t.of + " " + links.length + " (" + parts.join(", ") + ")";
    if (state.groupBy) {
      var groups = groupNodes.get({ filter: function (n) { return n.group_key !== undefined; } }).length;
      text += " · " + t.group_by + " " + groupSelect.options[groupSelect.selectedIndex].text.toLocaleLowerCase() + ": " + groups;
    }
    if (months.length) text += " · " + months[state.month];
    $("map-counts").textContent = text;
  }

  /* ---- filters ---- */
  document.querySelectorAll("select[data-filter]").forEach(function (select) {
    var key = select.getAttribute("data-filter"), values = new Set();
    people.forEach(function (p) { [].concat(p[key] === null ? [] : p[key]).forEach(function (v) { values.add(v); }); });
    Array.from(values).sort(function (a, b) { return a.localeCompare(b, "sv"); })
      .forEach(function (v) { select.add(new Option(v, v)); });
    select.addEventListener("change", function () { state.attrs[key] = select.value; render(); });
  });
  $("f-role").addEventListener("change", function (e) { state.role = e.target.value; render(); });
  $("f-active").addEventListener("change", function (e) { state.activeOnly = e.target.checked; render(); });
  document.querySelectorAll("input[data-edge-type]").forEach(function (box) {
    box.addEventListener("change", function () { state.types[box.getAttribute("data-edge-type")] = box.checked; render(); });
  });
  var groupSelect = $("cluster-by");
  groupSelect.value = state.groupBy;
  groupSelect.addEventListener("change", function () {
    state.groupBy = groupSelect.value; expanded.clear(); groupPos.clear();
    network.setData(state.groupBy ? { nodes: groupNodes, edges: groupEdges } : { nodes: nodeView, edges: edgeView });
    render();
  });

  /* ---- time: the slider shows the programme as it stood at the end of a month ---- */
  var slider = $("t-month"), play = $("t-play"), timer = null;
  function showMonth() { $("t-label").textContent = months.length ? months[state.month] : ""; }
  if (!months.length) $("time-controls").style.display = "none";
  slider.max = String(Math.max(0, months.length - 1)); slider.value = String(state.month); showMonth();
  slider.addEventListener("input", function () { state.month = Number(slider.value); showMonth(); render(); });
  function stop() { clearInterval(timer); timer = null; play.textContent = play.getAttribute("data-play"); }
  play.addEventListener("click", function () {
    if (timer !== null) { stop(); return; }
    if (state.month >= months.length - 1) { state.month = 0; slider.value = "0"; showMonth(); render(); }
    play.textContent = play.getAttribute("data-pause");
    timer = setInterval(function () {
      if (state.month >= months.length - 1) { stop(); return; }
      state.month += 1; slider.value = String(state.month); showMonth(); render();
    }, 800);
  });

  /* ---- search and k-hop focus ---- */
  var box = $("map-search"), hits = [], searched = false;
  function fold(s) { return s.toLocaleLowerCase("sv"); }
  function onCanvas(id) {
    return visibleNodes.has(id) && (!state.groupBy || expanded.has(groupKey(person(id))));
  }
  function search() {
    var q = fold(box.value.trim());
    hits = q ? people.filter(function (p) { return visibleNodes.has(p.id) && fold(p.label).indexOf(q) >= 0; })
                     .map(function (p) { return p.id; }) : [];
    $("map-search-result").textContent = q ? hits.length + " " + t.search_found : "";
    if (q || searched) network.selectNodes(hits.filter(onCanvas), false);
    searched = Boolean(q);
  }
  function focusOn(id, move) {
    state.focus = id;
    $("focus-name").textContent = t.focus_on + ": " + person(id).label;
    if (state.groupBy) expanded.add(groupKey(person(id)));
    render();
    if (move && onCanvas(id)) { network.selectNodes([id]); network.focus(id, { scale: 1.3, animation: { duration: 400 } }); }
  }
  box.addEventListener("input", search);
  box.addEventListener("keydown", function (e) { if (e.key === "Enter" && hits.length) focusOn(hits[0], true); });
  $("k-hops").addEventListener("input", function (e) { state.hops = Math.max(0, Number(e.target.value) || 0); render(); });
  $("focus-clear").addEventListener("click", function () { state.focus = null; $("focus-name").textContent = ""; render(); });
  network.on("click", function (p) { if (p.nodes.length && indexOf.has(p.nodes[0])) focusOn(p.nodes[0], false); });
  network.on("doubleClick", function (p) {
    if (!p.nodes.length || !state.groupBy) return;
    var id = p.nodes[0], item = groupNodes.get(id);
    var k = item && item.group_key !== undefined ? item.group_key : groupKey(person(id));
    if (expanded.has(k)) expanded.delete(k); else expanded.add(k);
    render();
  });

  /* ---- tooltips: built from text nodes only ---- */
  function showTip(lines, pointer) {
    tip.replaceChildren();
    lines.forEach(function (line) { if (line) { var row = document.createElement("div"); row.textContent = line; tip.appendChild(row); } });
    tip.style.left = pointer.x + 14 + "px"; tip.style.top = pointer.y + 14 + "px"; tip.style.display = "block";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) {
    if (!indexOf.has(p.node)) {
      var g = groupNodes.get(p.node);
      showTip([g ? g.label : String(p.node), t.open_group], p.pointer.DOM); return;
    }
    var q = person(p.node), i = indexOf.get(p.node);
    showTip([q.label, t["role_" + roleKey(q.roles)] + " · " + (q.active ? t.active : t.inactive),
             [q.municipality, q.county].filter(Boolean).join(", "),
             q.industries.length ? t.industry + ": " + q.industries.join(", ") : "",
             q.languages.length ? t.language + ": " + q.languages.join(", ") : "",
             q.fields.length ? t.field + ": " + q.fields.join(", ") : "",
             data.node_month[i] !== null ? t.joined + ": " + months[data.node_month[i]] : ""], p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    if (String(p.edge).indexOf("e") !== 0) { var j = groupEdges.get(p.edge); showTip([t.connections + ": " + (j ? j.count : "")], p.pointer.DOM); return; }
    var i = Number(String(p.edge).slice(1)), e = links[i];
    showTip([t["edge_" + e.type], person(e.source).label + " – " + person(e.target).label,
             data.edge_month[i] !== null ? months[data.edge_month[i]] : "", t.generation + " " + e.generation], p.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, hideTip); });

  /* ---- export: files are made in the page and saved through a blob: link ---- */
  function save(blob, name) {
    var url = URL.createObjectURL(blob), a = document.createElement("a");
    a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function cell(v) {  // quoted, and never read as a formula by a spreadsheet
    var s = v === null || v === undefined ? "" : Array.isArray(v) ? v.join(" ") : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }
  function csv(header, rows) {
    var text = [header].concat(rows).map(function (r) { return r.map(cell).join(","); }).join("\r\n");
    return new Blob(["\ufeff" + text + "\r\n"], { type: "text/csv;charset=utf-8" });
  }
  $("x-png").addEventListener("click", function () {
    container.querySelector("canvas").toBlob(function (blob) { if (blob) save(blob, "network-map.png"); });
  });
  $("x-people").addEventListener("click", function () {
    var cols = ["id", "label", "roles", "municipality", "county", "industries", "languages", "fields", "active", "joined"];
    var rows = people.filter(function (p) { return visibleNodes.has(p.id); })
      .map(function (p) { return cols.map(function (c) { return p[c]; }); });
    save(csv(cols, rows), "network-people.csv");
  });
  $("x-connections").addEventListener("click", function () {
    var cols = ["source", "target", "type", "at", "generation"];
    var rows = links.filter(function (e, i) { return visibleEdges.has("e" + i); })
      .map(function (e) { return cols.map(function (c) { return e[c]; }); });
    save(csv(cols, rows), "network-connections.csv");
  });

  showCounts();
})();
