// The HTML report's script: reads the run's data from #report-data, and at the epoch the slider
// chooses draws the network, the patterns' table, each unit's decision surface and the learning
// curve's cursor, computing every forward pass from the recorded parameters.
// SPDX-License-Identifier: BSL-1.0
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const POSITIVE = "#1f5fbf", NEGATIVE = "#d62728";

  const activations = {
    logistic: { value: (net) => 1 / (1 + Math.exp(-net)), low: 0, high: 1 },
    hyperbolic_tangent: { value: (net) => Math.tanh(net), low: -1, high: 1 },
    linear: { value: (net) => net, low: 0, high: 1 },
  };
  const activationOf = (unit) => activations[unit.activation] || activations.logistic;

  // ---- small helpers -------------------------------------------------------------------------
  function svg(tag, attributes, parent) {
    const element = document.createElementNS(SVG, tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(element);
    return element;
  }
  function text(parent, x, y, content, attributes) {
    const element = svg("text", Object.assign({ x: x, y: y }, attributes || {}), parent);
    element.textContent = content;
    return element;
  }
  function html(tag, attributes, parent, content) {
    const element = document.createElement(tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]);
    if (content !== undefined) element.textContent = content;
    if (parent) parent.appendChild(element);
    return element;
  }
  // As the SVG files print a number: 3 significant decimals, no trailing zeros.
  function short(value) {
    if (!isFinite(value)) return String(value);
    if (Math.abs(value) >= 1e5) return value.toExponential(2);
    const fixed = value.toFixed(3);
    return fixed === "-0.000" ? "0.000" : fixed;
  }
  function label(name) {
    // The homework writes the output as y-hat; subscripts as in the SVG files.
    return name === "y" ? "\u0177" : name.replace(/^y_/, "\u0177_");
  }

  // ---- the forward pass ----------------------------------------------------------------------
  // Every unit's net input and output for the input x, from the parameters p in ctnn's order.
  function forward(p, x) {
    const values = {};
    data.inputs.forEach((name, i) => { values[name] = x[i]; });
    const result = {};
    for (const unit of data.units) {
      let net = p[unit.bias];
      unit.sources.forEach((source, k) => { net += p[unit.weights[k]] * values[source]; });
      const out = activationOf(unit).value(net);
      values[unit.name] = out;
      result[unit.name] = { net: net, out: out };
    }
    return result;
  }
  const outputUnit = data.units[data.units.length - 1];
  // The output is judged on the side of 0.5, whatever its activation (the targets are 0 and 1).
  const threshold = (unit) => 0.5;

  // ---- the network diagram -------------------------------------------------------------------
  const diagram = document.getElementById("diagram");
  function drawDiagram(p) {
    const radius = 24, column = 200, row = 120, arrow = 10;
    const layers = data.layers;
    let tallest = 1, widestSkip = 1;
    layers.forEach((units) => { tallest = Math.max(tallest, units.length); });
    for (const unit of data.units)
      unit.source_layers.forEach((l) => { widestSkip = Math.max(widestSkip, unit.layer - l); });
    const bow = (span) => (span < 2 ? 0 : 75 + 45 * (span - 2));
    const room = bow(widestSkip) + 20;
    const left = 70;
    const width = Math.max(560, 2 * left + column * (layers.length - 1));
    const top = 80 + room;
    const middle = top + row * (tallest - 1) / 2;
    const height = middle + row * (tallest - 1) / 2 + room + 20;
    const where = {};
    layers.forEach((units, l) => {
      units.forEach((name, u) => {
        where[name] = {
          x: left + column * l + (width - 2 * left - column * (layers.length - 1)) / 2,
          y: middle + row * (u - (units.length - 1) / 2),
          layer: l,
        };
      });
    });
    let largest = 0;
    for (const unit of data.units)
      unit.weights.forEach((w) => { largest = Math.max(largest, Math.abs(p[w])); });
    const strokeWidth = (w) => (largest === 0 ? 1 : 1 + 7 * (Math.abs(w) / largest));
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
                              "aria-label": "network diagram", id: "diagram-svg" });
    const defs = svg("defs", {}, root);
    for (const [id, colour] of [["arrow-positive", POSITIVE], ["arrow-negative", NEGATIVE]]) {
      const marker = svg("marker", { id: id, viewBox: "0 0 10 10", refX: 0, refY: 5,
                                     markerWidth: arrow, markerHeight: arrow,
                                     markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }, marker);
    }
    layers.forEach((units, l) => {
      text(root, where[units[0]].x, 40, data.captions[l],
           { "text-anchor": "middle", "font-size": 13, fill: "#555" });
    });
    const toward = (from, to, distance) => {
      const dx = to.x - from.x, dy = to.y - from.y, length = Math.hypot(dx, dy);
      return length === 0 ? from : { x: from.x + dx / length * distance,
                                     y: from.y + dy / length * distance };
    };
    const connections = [];
    for (const unit of data.units) {
      unit.sources.forEach((source, k) => {
        connections.push({ from: source, to: unit.name, index: unit.weights[k],
                           span: unit.layer - unit.source_layers[k] });
      });
    }
    // Wider connections first, so that narrow ones stay visible on top.
    connections.sort((a, b) => Math.abs(p[b.index]) - Math.abs(p[a.index]) || a.index - b.index);
    const lines = svg("g", { class: "connections", fill: "none" }, root);
    const labels = svg("g", { class: "labels", "font-size": 13, "text-anchor": "middle" });
    for (const c of connections) {
      const from = where[c.from], to = where[c.to];
      const side = from.y < middle - 1 ? -1 : from.y > middle + 1 ? 1 : to.y > middle + 1 ? 1 : -1;
      const control = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 + side * 2 * bow(c.span) };
      const start = toward(from, control, radius), end = toward(to, control, radius + arrow);
      const at = { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
      const w = p[c.index], negative = w < 0, colour = negative ? NEGATIVE : POSITIVE;
      const name = data.parameter_names[c.index] || "";
      const path = svg("path", {
        class: "connection", d: `M${start.x},${start.y} Q${control.x},${control.y} ${end.x},${end.y}`,
        stroke: colour, "stroke-width": strokeWidth(w).toFixed(2),
        "marker-end": `url(#arrow-${negative ? "negative" : "positive"})`,
        "data-parameter": c.index, "data-name": name, "data-value": String(w),
        "data-sign": negative ? "-" : "+",
      }, lines);
      svg("title", {}, path).textContent = `${c.from} \u2192 ${c.to}: ${name} = ${short(w)}`;
      const caption = `${name} = ${short(w)}`;
      const box = 7 * caption.length + 8;
      svg("rect", { x: at.x - box / 2, y: at.y - 9, width: box, height: 18, rx: 3, fill: "white",
                    "fill-opacity": 0.9, stroke: colour, "stroke-width": 0.8 }, labels);
      text(labels, at.x, at.y, caption, { dy: "0.35em", fill: colour, class: "weight" });
    }
    const unitsGroup = svg("g", { class: "units" }, root);
    layers.forEach((units) => {
      units.forEach((name) => {
        const at = where[name];
        svg("circle", { cx: at.x, cy: at.y, r: radius, fill: "#f7f7f7", stroke: "#222",
                        "stroke-width": 1.5 }, unitsGroup);
        text(unitsGroup, at.x, at.y, label(name), { dy: "0.35em", "text-anchor": "middle",
                                                     "font-size": 17, "font-style": "italic" });
      });
    });
    for (const unit of data.units) {
      const at = where[unit.name], b = p[unit.bias];
      text(labels, at.x, at.y + radius + 17,
           `${data.parameter_names[unit.bias] || "b"} = ${short(b)}`,
           { fill: b < 0 ? NEGATIVE : POSITIVE, class: "bias", "data-parameter": unit.bias,
             "data-name": data.parameter_names[unit.bias] || "", "data-value": String(b) });
    }
    root.appendChild(labels);
    diagram.replaceChildren(root);
  }

  // ---- the patterns' table -------------------------------------------------------------------
  const table = document.getElementById("patterns");
  function drawTable(p) {
    table.replaceChildren();
    const head = html("tr", {}, html("thead", {}, table));
    html("th", { scope: "col" }, head, "input");
    for (const unit of data.units) {
      html("th", { scope: "col" }, head, `net_${unit.name}`);
      html("th", { scope: "col" }, head, label(unit.name));
    }
    html("th", { scope: "col" }, head, "target");
    html("th", { scope: "col" }, head, "side of 0.5");
    const body = html("tbody", {}, table);
    data.patterns.forEach((x, n) => {
      const result = forward(p, x);
      const row = html("tr", {}, body);
      html("th", { scope: "row" }, row, `[${x[0]}, ${x[1]}]`);
      for (const unit of data.units) {
        const r = result[unit.name];
        html("td", { "data-unit": unit.name, "data-pattern": n, "data-kind": "net",
                     "data-value": String(r.net) }, row, short(r.net));
        html("td", { "data-unit": unit.name, "data-pattern": n, "data-kind": "out",
                     "data-value": String(r.out) }, row, short(r.out));
      }
      html("td", {}, row, String(data.targets[n]));
      const y = result[outputUnit.name].out;
      const right = (y > 0.5) === (data.targets[n] > 0.5);
      html("td", { class: right ? "side-right" : "side-wrong", "data-right": String(right) }, row,
           `${y > 0.5 ? "above" : "below"}${right ? ", right" : ", WRONG"}`);
    });
  }

  // ---- the decision surfaces -----------------------------------------------------------------
  const surfaces = document.getElementById("surfaces");
  const GRID = 24;  // cells a side for the heat map
  const SAMPLES = 48;  // intervals a side for the contour
  function colour(t) {
    // Light (low) to dark blue (high), through a middle blue.
    const stops = [[247, 251, 255], [107, 174, 214], [8, 48, 107]];
    t = Math.min(1, Math.max(0, t));
    const s = t < 0.5 ? 0 : 1, f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    const c = stops[s].map((v, i) => Math.round(v + (stops[s + 1][i] - v) * f));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }
  // The contour of f(x0, x1) = level over the unit square by marching squares, as SVG path data
  // in a box of `size` with x1 upward.
  function contour(f, level, size, pad) {
    const n = SAMPLES, v = [];
    for (let i = 0; i <= n; ++i) {
      v.push([]);
      for (let j = 0; j <= n; ++j) v[i].push(f(i / n, j / n) - level);
    }
    const X = (a) => pad + a * size, Y = (b) => pad + (1 - b) * size;
    let d = "";
    const cross = (a0, b0, va, a1, b1, vb) => {
      const t = va / (va - vb);
      return [a0 + (a1 - a0) * t, b0 + (b1 - b0) * t];
    };
    for (let i = 0; i < n; ++i) {
      for (let j = 0; j < n; ++j) {
        const a0 = i / n, a1 = (i + 1) / n, b0 = j / n, b1 = (j + 1) / n;
        const c = [[a0, b0, v[i][j]], [a1, b0, v[i + 1][j]], [a1, b1, v[i + 1][j + 1]],
                   [a0, b1, v[i][j + 1]]];
        const points = [];
        for (let e = 0; e < 4; ++e) {
          const p = c[e], q = c[(e + 1) % 4];
          if ((p[2] > 0) !== (q[2] > 0)) points.push(cross(p[0], p[1], p[2], q[0], q[1], q[2]));
        }
        for (let k = 0; k + 1 < points.length; k += 2) {
          d += `M${X(points[k][0]).toFixed(1)},${Y(points[k][1]).toFixed(1)}` +
               `L${X(points[k + 1][0]).toFixed(1)},${Y(points[k + 1][1]).toFixed(1)}`;
        }
      }
    }
    return d;
  }
  function drawSurfaces(p) {
    const size = 200, pad = 24, figures = [];
    for (const unit of data.units) {
      const g = activationOf(unit);
      const f = (x0, x1) => forward(p, [x0, x1])[unit.name].out;
      const corners = data.patterns.map((x) => f(x[0], x[1]));
      const figure = html("figure", { class: "surface", "data-unit": unit.name,
                                      "data-corners": JSON.stringify(corners),
                                      "data-threshold": String(threshold(unit)) });
      const root = svg("svg", { viewBox: `0 0 ${size + 2 * pad} ${size + 2 * pad}`, role: "img",
                                "aria-label": `decision surface of ${unit.name}` }, figure);
      const cell = size / GRID;
      for (let i = 0; i < GRID; ++i) {
        for (let j = 0; j < GRID; ++j) {
          const value = f((i + 0.5) / GRID, (j + 0.5) / GRID);
          svg("rect", { x: (pad + i * cell).toFixed(2), y: (pad + size - (j + 1) * cell).toFixed(2),
                        width: (cell + 0.5).toFixed(2), height: (cell + 0.5).toFixed(2),
                        "shape-rendering": "crispEdges",
                        fill: colour((value - g.low) / (g.high - g.low)) }, root);
        }
      }
      svg("rect", { x: pad, y: pad, width: size, height: size, fill: "none", stroke: "#222" }, root);
      const d = contour(f, threshold(unit), size, pad);
      if (d) svg("path", { d: d, stroke: "#e6550d", "stroke-width": 2.5, fill: "none",
                           class: "contour" }, root);
      data.patterns.forEach((x, n) => {
        const cx = pad + x[0] * size, cy = pad + (1 - x[1]) * size;
        const high = data.targets[n] > 0.5;
        svg("circle", { cx: cx, cy: cy, r: 7, fill: high ? "#111" : "#fff", stroke: "#e6550d",
                        "stroke-width": 2 }, root);
      });
      text(root, pad + size / 2, size + 2 * pad - 5, "x\u2080 \u2192", { "text-anchor": "middle",
                                                                         "font-size": 12 });
      text(root, 10, pad + size / 2, "x\u2081 \u2192", {
        "text-anchor": "middle", "font-size": 12,
        transform: `rotate(-90 10 ${pad + size / 2})` });
      const caption = html("figcaption", {}, figure);
      caption.textContent = unit === outputUnit
        ? `${label(unit.name)}, the output (${unit.activation}) over the inputs` +
          (data.units.length > 1 ? `, the hidden unit computed from them` : "") +
          `: at the corners ${corners.map(short).join(", ")}`
        : `${unit.name}, hidden (${unit.activation}): at the corners ${corners.map(short).join(", ")}`;
      figures.push(figure);
    }
    surfaces.replaceChildren(...figures);
  }
  const tanhOutput = outputUnit.activation === "hyperbolic_tangent";
  document.getElementById("surface-note").textContent =
    "Each unit's output over the unit square (light low, dark high), computed from the " +
    "parameters at this epoch; the orange line is where it equals 0.5, and the four patterns " +
    "are marked at the corners: filled for target 1, open for target 0. " +
    (tanhOutput
      ? "The output unit is tanh, whose values run from -1 to 1 and whose own midpoint is 0; but " +
        "the targets are 0 and 1 and the run judges the output by its side of 0.5, so the line " +
        "drawn is tanh(net) = 0.5, at net = atanh(0.5) = 0.549, not net = 0."
      : "For a logistic unit 0.5 is its midpoint, at net input 0: the line is where the net " +
        "input changes sign, which is also the side of 0.5 by which the output is judged.") +
    (data.units.length > 1
      ? " The hidden unit's line is where h = 0.5, the reading of h as a boolean function that " +
        "Problem 5's account uses; the output's line bends because h feeds it."
      : "");

  // ---- the learning curve --------------------------------------------------------------------
  const curveBox = document.getElementById("curve");
  const curve = { width: 720, height: 300, left: 60, right: 700, top: 20, bottom: 250 };
  let cursor = null, cursorLabel = null;
  function epochX(epoch) {
    const last = Math.max(1, data.epochs);
    return curve.left + (curve.right - curve.left) * epoch / last;
  }
  function drawCurve() {
    const root = svg("svg", { viewBox: `0 0 ${curve.width} ${curve.height}`, role: "img",
                              "aria-label": "learning curve", id: "curve-svg" });
    let high = 0;
    for (const [, e] of data.curve) if (isFinite(e)) high = Math.max(high, e);
    if (high === 0) high = 1;
    high *= 1.05;
    const Y = (e) => curve.bottom - (curve.bottom - curve.top) * e / high;
    if (data.plateau) {
      const a = epochX(data.plateau.first), b = epochX(data.plateau.last);
      svg("rect", { x: a, y: curve.top, width: Math.max(1, b - a), height: curve.bottom - curve.top,
                    fill: "#fdd0a2", "fill-opacity": 0.6, class: "plateau" }, root);
      text(root, (a + b) / 2, curve.top + 14, "plateau", { "text-anchor": "middle",
                                                          "font-size": 12, fill: "#a63603" });
    }
    svg("rect", { x: curve.left, y: curve.top, width: curve.right - curve.left,
                  height: curve.bottom - curve.top, fill: "none", stroke: "#222" }, root);
    for (let i = 0; i <= 4; ++i) {
      const e = high / 1.05 * i / 4, y = Y(e);
      svg("line", { x1: curve.left - 4, x2: curve.left, y1: y, y2: y, stroke: "#222" }, root);
      text(root, curve.left - 7, y, e.toPrecision(2), { dy: "0.35em", "text-anchor": "end",
                                                        "font-size": 11 });
    }
    for (let i = 0; i <= 4; ++i) {
      const epoch = Math.round(data.epochs * i / 4), x = epochX(epoch);
      svg("line", { x1: x, x2: x, y1: curve.bottom, y2: curve.bottom + 4, stroke: "#222" }, root);
      text(root, x, curve.bottom + 17, String(epoch), { "text-anchor": "middle", "font-size": 11 });
    }
    text(root, (curve.left + curve.right) / 2, curve.bottom + 40, "epochs trained",
         { "text-anchor": "middle", "font-size": 13 });
    text(root, 14, (curve.top + curve.bottom) / 2, "error for epoch", {
      "text-anchor": "middle", "font-size": 13,
      transform: `rotate(-90 14 ${(curve.top + curve.bottom) / 2})` });
    if (data.curve.length > 0) {
      const d = data.curve.map(([epoch, e], i) =>
        `${i ? "L" : "M"}${epochX(epoch).toFixed(1)},${Y(e).toFixed(1)}`).join("");
      svg("path", { d: d, fill: "none", stroke: "#1f77b4", "stroke-width": 1.5,
                    "stroke-linejoin": "round" }, root);
    }
    if (data.solved_after !== null) {
      const x = epochX(data.solved_after);
      svg("line", { x1: x, x2: x, y1: curve.top, y2: curve.bottom, stroke: "#2ca02c",
                    "stroke-width": 2, "stroke-dasharray": "6 4", class: "solved" }, root);
      text(root, Math.min(x + 4, curve.right - 4), curve.bottom - 8, `solved after ${data.solved_after}`,
           { "font-size": 12, fill: "#2ca02c",
             "text-anchor": x + 4 > curve.right - 120 ? "end" : "start" });
    }
    cursor = svg("line", { y1: curve.top, y2: curve.bottom, stroke: "#222", "stroke-width": 1.5,
                           id: "curve-cursor" }, root);
    cursorLabel = text(root, 0, curve.top - 6, "", { "font-size": 12, "text-anchor": "middle" });
    root.addEventListener("click", (event) => {
      const box = root.getBoundingClientRect();
      const x = (event.clientX - box.left) / box.width * curve.width;
      const epoch = (x - curve.left) / (curve.right - curve.left) * data.epochs;
      let best = 0;
      data.snapshots.forEach((s, i) => {
        if (Math.abs(s.epoch - epoch) < Math.abs(data.snapshots[best].epoch - epoch)) best = i;
      });
      show(best);
    });
    curveBox.replaceChildren(root);
  }
  const curveNote = [];
  curveNote.push("The error of each epoch (the summed loss over its four patterns, each taken " +
                 "before its own update) at the number of epochs trained when it ended, so the " +
                 "CSV's epoch i is drawn at i + 1" +
                 (data.curve_step > 1 ? `; drawn from the lowest and highest of every ${data.curve_step} epochs` : "") + ".");
  curveNote.push(data.plateau
    ? `The plateau (shaded), epochs ${data.plateau.first} to ${data.plateau.last}, is the longest ` +
      "stretch of epochs whose errors all lie within 5% of each other (highest at most 1.05 times " +
      "the lowest), among stretches at least 100 epochs long whose errors stay above a tenth of " +
      "the run's highest error (a converged tail creeping toward 0 is not a plateau)."
    : "No plateau: no stretch of at least 100 epochs has errors within 5% of each other while " +
      "above a tenth of the run's highest error.");
  curveNote.push(data.solved_after !== null
    ? `Solved after ${data.solved_after} epochs: from then to the end every output stays on the ` +
      "correct side of 0.5 (the sweep's solved_from, which numbers epochs from 0, is this minus 1)."
    : "Not solved: at the end some output is on the wrong side of 0.5.");
  if (data.solved_after !== null && data.plateau && data.plateau.last === data.epochs)
    curveNote.push("But the run ends on its plateau: outputs that sit near 0.5 can be on the " +
                   "correct side by chance, as the verdict at the top says.");
  document.getElementById("curve-note").textContent = curveNote.join(" ");

  // ---- the slider ----------------------------------------------------------------------------
  const slider = document.getElementById("epoch");
  const valueBox = document.getElementById("epoch-value");
  const status = document.getElementById("status");
  const playButton = document.getElementById("play");
  const speed = document.getElementById("speed");
  slider.max = String(data.snapshots.length - 1);
  document.getElementById("interval").textContent = String(data.interval);
  let current = -1;
  function show(index) {
    index = Math.max(0, Math.min(data.snapshots.length - 1, index));
    const snapshot = data.snapshots[index];
    const p = snapshot.parameters;
    current = index;
    slider.value = String(index);
    valueBox.textContent = `${snapshot.epoch} of ${data.epochs}`;
    const root = document.documentElement;
    root.dataset.epoch = String(snapshot.epoch);
    root.dataset.index = String(index);
    root.dataset.parameters = JSON.stringify(p);
    drawDiagram(p);
    drawTable(p);
    drawSurfaces(p);
    if (cursor) {
      const x = epochX(snapshot.epoch);
      cursor.setAttribute("x1", x);
      cursor.setAttribute("x2", x);
      cursorLabel.setAttribute("x", Math.min(Math.max(x, curve.left + 30), curve.right - 30));
      cursorLabel.textContent = `${snapshot.epoch}`;
    }
    let right = 0;
    data.patterns.forEach((x, n) => {
      const y = forward(p, x)[outputUnit.name].out;
      if ((y > 0.5) === (data.targets[n] > 0.5)) ++right;
    });
    const phase = snapshot.epoch === 0 ? "the initial parameters, before training"
      : data.plateau && snapshot.epoch >= data.plateau.first && snapshot.epoch <= data.plateau.last
        ? "on the plateau" : "";
    status.textContent = `After ${snapshot.epoch} epochs` +
      (snapshot.error !== null ? `: error of the last epoch ${snapshot.error.toPrecision(4)}` : "") +
      `; ${right} of ${data.patterns.length} outputs on the correct side of 0.5` +
      (phase ? ` (${phase})` : "") + ".";
  }
  let timer = null;
  function pause() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "Play";
    playButton.setAttribute("aria-pressed", "false");
    document.documentElement.dataset.playing = "false";
  }
  function play() {
    if (current >= data.snapshots.length - 1) show(0);
    const rate = Number(speed.value);
    playButton.textContent = "Pause";
    playButton.setAttribute("aria-pressed", "true");
    document.documentElement.dataset.playing = "true";
    // At most 60 frames a second; a faster speed skips snapshots.
    const frames = Math.min(rate, 60), step = Math.max(1, Math.round(rate / frames));
    timer = setInterval(() => {
      show(Math.min(current + step, data.snapshots.length - 1));
      if (current >= data.snapshots.length - 1) pause();
    }, 1000 / frames);
  }
  const toggle = () => (timer === null ? play() : pause());
  playButton.addEventListener("click", toggle);
  speed.addEventListener("change", () => { if (timer !== null) { pause(); play(); } });
  slider.addEventListener("input", () => show(Number(slider.value)));
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target === speed) return;
    // A focused button plays or pauses on space by itself.
    if ((event.key === " " || event.key === "Spacebar") && target instanceof HTMLButtonElement)
      return;
    const moves = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10,
                    PageUp: 10 };
    if (event.key in moves) {
      pause();
      show(current + moves[event.key]);
    } else if (event.key === "Home") {
      pause();
      show(0);
    } else if (event.key === "End") {
      pause();
      show(data.snapshots.length - 1);
    } else if (event.key === " " || event.key === "Spacebar") {
      toggle();
    } else {
      return;
    }
    event.preventDefault();
  });
  drawCurve();
  show(0);
  document.documentElement.dataset.ready = "true";
})();
