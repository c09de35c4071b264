/* One participant's relay spread. Every style and position decision was made in Python and is
   embedded in #viz-data; this script only hands it to vis-network, so the JSON twin and the
   picture cannot disagree. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("viz-data").textContent);
  var container = document.getElementById("viz-canvas");
  var network = new vis.Network(
    container,
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
    data.options
  );
  container.visNetwork = network;  // for tests and the console: what is drawn, not a copy
  // "Generation n" at the left of each band, so the levels can be read without counting rows.
  var bands = null;
  network.on("beforeDrawing", function (ctx) {
    if (bands === null) {
      var at = network.getPositions(), top = {}, left = Infinity;
      data.nodes.forEach(function (n) {
        var p = at[n.id];
        if (!p) return;
        left = Math.min(left, p.x);
        top[n.level] = top[n.level] === undefined ? p.y : Math.min(top[n.level], p.y);
      });
      bands = { left: left, top: top };
    }
    ctx.save();
    ctx.font = "13px system-ui, sans-serif";
    ctx.fillStyle = "#7b8794";
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    Object.keys(bands.top).forEach(function (level) {
      ctx.fillText(data.generation_label + " " + level, bands.left - 40, bands.top[level]);
    });
    ctx.restore();
  });
  network.once("afterDrawing", function () { network.fit({ animation: false }); });
  window.addEventListener("resize", function () { network.fit({ animation: false }); });
})();
