// Dive playground: the page draws what the server's session sends (JSON states over a
// WebSocket) and sends the user's actions back. The server checks every setting; the page
// shows the state it gets back, so it never disagrees with the network being trained.
"use strict";

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
// The server's order (Feature.allCases): the TensorFlow Playground's inputs, then the cosines.
const FEATURES = [["x", "X₁"], ["y", "X₂"], ["xSquared", "X₁²"], ["ySquared", "X₂²"], ["xTimesY", "X₁X₂"],
  ["sinX", "sin(X₁)"], ["sinY", "sin(X₂)"], ["cosX", "cos(X₁)"], ["cosY", "cos(X₂)"]];
const CLASSIFICATION = ["circle", "xor", "gauss", "spiral"];
const REGRESSION = ["reg-plane", "reg-gauss"];
const NODE = 40, COLUMN = 92, ROW = 50;

const $ = (id) => document.getElementById(id);
let socket = null;
let state = null;
let settings = {};
let points = { train: [], test: [] };
let lastHashSent = null;

// Colours: the TensorFlow Playground's orange (-1), light grey (0) and blue (+1).
const NEG = [245, 147, 34], MID = [232, 234, 235], POS = [8, 119, 189];
function colour(v) {
  const t = Math.max(-1, Math.min(1, v));
  const [a, b, f] = t < 0 ? [MID, NEG, -t] : [MID, POS, t];
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * f));
}
// A heatmap cell arrives as one byte b standing for v = b / 127.5 - 1, so 256 colours cover every
// cell: each is computed once, as the four bytes of an RGBA pixel (written through a byte view,
// so the words match ImageData's byte order on any machine).
function palette(discretize) {
  const words = new Uint32Array(256), bytes = new Uint8Array(words.buffer);
  for (let b = 0; b < 256; b++) {
    const v = b / 127.5 - 1;
    bytes.set([...colour(discretize ? (v >= 0 ? 1 : -1) : v), 160], b * 4);
  }
  return words;
}
const PALETTE = palette(false), DISCRETE_PALETTE = palette(true);
const images = new WeakMap();   // canvas → its ImageData, reused frame after frame
// Paints `base64` (size × size bytes, row 0 at the top) on `canvas`.
function paint(canvas, base64, size, discretize) {
  if (canvas.width !== size) { canvas.width = size; canvas.height = size; images.delete(canvas); }
  const context = canvas.getContext("2d");
  if (!images.has(canvas)) images.set(canvas, context.createImageData(size, size));
  const image = images.get(canvas), pixels = new Uint32Array(image.data.buffer);
  const colours = discretize ? DISCRETE_PALETTE : PALETTE, bytes = atob(base64);
  for (let i = 0; i < bytes.length; i++) pixels[i] = colours[bytes.charCodeAt(i)];
  context.putImageData(image, 0, 0);
}

function parseHash(hash) {
  const result = {};
  for (const pair of hash.replace(/^#/, "").split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
    result[name] = decodeURIComponent(at < 0 ? "" : pair.slice(at + 1));
  }
  return result;
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
function set(name, value) { showMessage(""); send({ type: "set", name, value: String(value) }); }

function connect() {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(`${protocol}//${location.host}/ws`);
  socket.onopen = () => {
    lastHashSent = location.hash.replace(/^#/, "");
    send({ type: "settings", hash: lastHashSent });
  };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "error") showMessage(message.message);
    else if (message.type === "state") render(message);
  };
  socket.onclose = () => showMessage("The connection to the server closed; reload the page to start again.");
}

function showMessage(text) {
  const box = $("message");
  box.textContent = text;
  box.hidden = !text;
}

// States drawn so far: tests and speed checks read it (`window.diveFrames`).
window.diveFrames = 0;

function render(next) {
  state = next;
  window.diveFrames += 1;
  settings = parseHash(state.hash);
  if (location.hash.replace(/^#/, "") !== state.hash) history.replaceState(null, "", "#" + state.hash);
  if (state.points) points = state.points;
  renderControls();
  renderReadouts();
  renderNetwork();
  renderOutput();
}

function fillSelect(select, values, current) {
  const wanted = values.map(String);
  if (!wanted.includes(current)) wanted.push(current);
  if (select.options.length !== wanted.length || [...select.options].some((o, i) => o.value !== wanted[i])) {
    select.innerHTML = "";
    for (const value of wanted) select.add(new Option(value, value));
  }
  select.value = current;
}

function renderControls() {
  fillSelect($("learningRate"), LEARNING_RATES, settings.learningRate);
  fillSelect($("regularizationRate"), REGULARIZATION_RATES, settings.regularizationRate);
  // The TensorFlow Playground leaves `regularization` out of the hash when there is none.
  settings.regularization = settings.regularization || "none";
  for (const id of ["activation", "regularization", "problem", "loss", "optimizer"]) $(id).value = settings[id];
  for (const id of ["percTrainData", "noise", "batchSize"]) {
    if (document.activeElement !== $(id)) $(id).value = settings[id];
    $(id + "-value").textContent = settings[id];
  }
  if (document.activeElement !== $("stopEpoch")) $("stopEpoch").value = settings.stopEpoch;
  $("showTestData").checked = settings.showTestData === "true";
  $("discretize").checked = settings.discretize === "true";
  $("loss").disabled = settings.problem !== "classification";
  $("play-pause").textContent = state.playing ? "❚❚" : "▶";
  $("play-pause").classList.toggle("playing", state.playing);
  document.body.classList.toggle("hide-text", settings.hideText === "true");
  for (const element of document.querySelectorAll("[data-control]")) {
    element.classList.toggle("hidden-control", settings[element.dataset.control + "_hide"] === "true");
  }
  $("own-data").hidden = !state.ownData;
  renderDatasets();
  const labels = $("point-label");
  const regression = settings.problem === "regression";
  if (labels.dataset.problem !== settings.problem) {
    labels.innerHTML = regression
      ? '<option value="1">1</option><option value="0.5">0.5</option><option value="0">0</option><option value="-0.5">−0.5</option><option value="-1">−1</option>'
      : '<option value="1">+1 (blue)</option><option value="-1">−1 (orange)</option>';
    labels.dataset.problem = settings.problem;
  }
  $("download-model").href = `/sessions/${state.session}/model.safetensors`;
  $("download-python").href = `/sessions/${state.session}/model.py`;
  $("download-data").href = `/sessions/${state.session}/data.csv`;
}

function renderDatasets() {
  const box = $("datasets");
  const names = settings.problem === "regression" ? REGRESSION : CLASSIFICATION;
  const current = settings.problem === "regression" ? settings.regDataset : settings.dataset;
  if (box.dataset.names !== names.join()) {
    box.innerHTML = "";
    for (const name of names) {
      const button = document.createElement("button");
      button.id = "dataset-" + name;
      button.textContent = name;
      button.onclick = () => set(settings.problem === "regression" ? "regDataset" : "dataset", name);
      box.appendChild(button);
    }
    box.dataset.names = names.join();
  }
  for (const name of names) $("dataset-" + name).classList.toggle("selected", name === current && !state.ownData);
}

function formatNumber(value) {
  if (value === null || value === undefined) return "—";
  return typeof value === "number" ? value.toFixed(3) : String(value);   // "NaN", "Infinity" from a diverged run
}

function renderReadouts() {
  $("epoch").textContent = String(state.epoch).padStart(6, "0").replace(/(\d{3})$/, ",$1");
  $("loss-train").textContent = formatNumber(state.train.loss);
  $("loss-test").textContent = formatNumber(state.test.loss);
  $("accuracy-train").textContent = formatNumber(state.train.accuracy);
  $("accuracy-test").textContent = formatNumber(state.test.accuracy);
  const notice = state.divergence || state.notice || "";
  $("notice").textContent = notice;
  $("notice").hidden = !notice;
  $("notice").classList.toggle("divergence", !!state.divergence);
  renderConfusion($("confusion-train"), "Training", state.train.confusion);
  renderConfusion($("confusion-test"), "Test", state.test.confusion);
  renderLossChart();
}

function renderConfusion(table, title, counts) {
  table.hidden = !counts;
  if (!counts) return;
  table.innerHTML = `<caption>${title}: actual ↓ predicted →</caption>
    <tr><th></th><th>−1</th><th>+1</th></tr>
    <tr><th>−1</th><td>${counts[0][0]}</td><td>${counts[0][1]}</td></tr>
    <tr><th>+1</th><td>${counts[1][0]}</td><td>${counts[1][1]}</td></tr>`;
}

function renderLossChart() {
  const canvas = $("loss-chart"), context = canvas.getContext("2d");
  context.clearRect(0, 0, canvas.width, canvas.height);
  const history = state.lossHistory.filter((pair) => pair[0] !== null && pair[1] !== null);
  if (history.length < 2) return;
  const top = Math.max(...history.map((pair) => Math.max(pair[0], pair[1]))) || 1;
  for (const [index, style] of [[1, "#999"], [0, "#000"]]) {
    context.strokeStyle = style;
    context.beginPath();
    history.forEach((pair, i) => {
      const x = (i / (history.length - 1)) * canvas.width;
      const y = canvas.height - (pair[index] / top) * (canvas.height - 2) - 1;
      if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
    });
    context.stroke();
  }
}

// The network: a column of the nine features (click one to use it or not), one column per
// hidden layer (each neuron's thumbnail over the data's square) and the links between them.
function renderNetwork() {
  const network = $("network"), svg = $("links");
  const shape = settings.networkShape ? settings.networkShape.split(",").filter(Boolean).map(Number) : [];
  const active = FEATURES.filter(([name]) => settings[name] === "true");
  const columns = [FEATURES.map(([name]) => name), ...shape.map((n, l) => [...Array(n).keys()].map((i) => `${l}-${i}`))];
  const layout = columns.map((column, c) => column.map((_, r) => ({ x: c * COLUMN + 70, y: r * ROW + 40 })));
  const output = { x: (columns.length) * COLUMN + 70, y: 40 };
  const width = output.x + NODE + 20, height = Math.max(...columns.map((c) => c.length)) * ROW + 80;
  network.style.width = `${width}px`;
  network.style.height = `${height}px`;
  $("layer-count").textContent = shape.length;
  const key = JSON.stringify([settings.networkShape, active.map(([n]) => n), settings.dropout]);
  const rebuild = network.dataset.key !== key;
  if (rebuild) {
    for (const element of [...network.querySelectorAll(".node, .layer-controls")]) element.remove();
    FEATURES.forEach(([name, label], r) => {
      const node = makeNode(layout[0][r], `feature-${name}`, label);
      node.classList.toggle("inactive", settings[name] !== "true");
      node.onclick = () => set(name, settings[name] === "true" ? "false" : "true");
      node.title = `Click to ${settings[name] === "true" ? "stop using" : "use"} ${label}`;
    });
    shape.forEach((size, l) => {
      for (let i = 0; i < size; i++) makeNode(layout[l + 1][i], `neuron-${l}-${i}`, "");
      const controls = document.createElement("div");
      controls.className = "layer-controls";
      controls.style.left = `${layout[l + 1][0].x - 22}px`;
      const dropout = (settings.dropout || "").split(",")[l] || "0";
      controls.innerHTML = `<button id="add-neuron-${l}" title="Add a neuron">+</button>` +
        `<button id="remove-neuron-${l}" title="Remove a neuron">−</button><br>${size} neurons<br>` +
        `<label>dropout <select id="dropout-${l}">${["0", "0.1", "0.2", "0.3", "0.5"].concat(
          ["0", "0.1", "0.2", "0.3", "0.5"].includes(dropout) ? [] : [dropout]).map((p) =>
          `<option${p === dropout ? " selected" : ""}>${p}</option>`).join("")}</select></label>`;
      network.appendChild(controls);
      $(`add-neuron-${l}`).onclick = () => changeShape(shape.map((n, j) => j === l ? n + 1 : n));
      $(`remove-neuron-${l}`).onclick = () => changeShape(shape.map((n, j) => j === l ? n - 1 : n));
      $(`dropout-${l}`).onchange = (event) => {
        const all = (settings.dropout || "").split(",");
        all[l] = event.target.value;
        set("dropout", all.join(","));
      };
    });
    makeNode(output, "neuron-output", "").classList.add("output-node");
    network.dataset.key = key;
  }
  // Thumbnails: the server sends the active features first, then each hidden layer.
  active.forEach(([name], i) => paint($(`feature-${name}`).querySelector("canvas"), state.neurons[0][i], state.neuronSize));
  for (const [name] of FEATURES.filter(([n]) => settings[n] !== "true")) {
    $(`feature-${name}`).querySelector("canvas").getContext("2d").clearRect(0, 0, 100, 100);
  }
  shape.forEach((size, l) => {
    for (let i = 0; i < size; i++) {
      paint($(`neuron-${l}-${i}`).querySelector("canvas"), state.neurons[l + 1][i], state.neuronSize);
    }
  });
  paint($("neuron-output").querySelector("canvas"), state.output, state.outputSize, settings.discretize === "true");
  if (rebuild) buildLinks(svg, layout, output, active, shape);
  drawLinks($("link-canvas"), width, height);
}

function makeNode(position, id, label) {
  const node = document.createElement("div");
  node.className = "node";
  node.id = id;
  node.style.left = `${position.x}px`;
  node.style.top = `${position.y}px`;
  node.innerHTML = `<canvas width="20" height="20"></canvas><span>${label}</span>`;
  $("network").appendChild(node);
  return node;
}

function changeShape(shape) {
  set("networkShape", shape.filter((n) => n > 0).join(","));
}

// The links are drawn on a canvas after every state, by weight; above it, the SVG holds one
// invisible path per link, made when the shape or features change, to hover and click. (Recolouring
// 300 SVG paths cost Chromium 30 ms of style recalculation a state, most of the page's time.)
let linkCurves = [];
function buildLinks(svg, layout, output, active, shape) {
  const inputs = active.map(([name]) => layout[0][FEATURES.findIndex(([n]) => n === name)]);
  const columns = [inputs, ...shape.map((_, l) => layout[l + 1]), [output]];
  let html = "";
  linkCurves = [];
  state.weights.forEach((matrix, layer) => {
    matrix.forEach((row, to) => row.forEach((_, from) => {
      const a = columns[layer][from], b = columns[layer + 1][to];
      if (!a || !b) return;
      const x1 = a.x + NODE, y1 = a.y + NODE / 2, x2 = b.x, y2 = b.y + NODE / 2, mid = (x1 + x2) / 2;
      linkCurves.push({ layer, to, from, x1, y1, x2, y2, mid });
      html += `<path class="link" data-layer="${layer}" data-to="${to}" data-from="${from}"
        d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}"><title></title></path>`;
    }));
  });
  svg.innerHTML = html;
}

// Colour and width by weight, on a canvas of the network's size.
function drawLinks(canvas, width, height) {
  const scale = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * scale) || canvas.height !== Math.round(height * scale)) {
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext("2d");
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.clearRect(0, 0, width, height);
  context.globalAlpha = 0.85;
  for (const { layer, to, from, x1, y1, x2, y2, mid } of linkCurves) {
    const weight = Number(state.weights[layer][to][from]);   // "NaN" and "Infinity" arrive as strings
    const [r, g, b] = colour(weight);
    context.strokeStyle = `rgb(${r},${g},${b})`;
    context.lineWidth = Math.min(10, 1 + Math.abs(weight) * 1.8);
    context.beginPath();
    context.moveTo(x1, y1);
    context.bezierCurveTo(mid, y1, mid, y2, x2, y2);
    context.stroke();
  }
}

// Hovering a link shows its weight as it is now.
document.addEventListener("mouseover", (event) => {
  const link = event.target.closest && event.target.closest("path.link");
  if (!link || !state) return;
  const weight = Number(state.weights[link.dataset.layer][link.dataset.to][link.dataset.from]);
  link.querySelector("title").textContent = `Weight is ${weight.toFixed(3)}. Click to change it.`;
});

document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("path.link");
  if (!link) return;
  const current = state.weights[link.dataset.layer][link.dataset.to][link.dataset.from];
  const text = prompt("New weight:", Number(current).toFixed(3));
  if (text === null) return;
  send({ type: "setWeight", layer: Number(link.dataset.layer), to: Number(link.dataset.to),
    from: Number(link.dataset.from), value: Number(text) });
});

// The points drawn last, and whether with the test data: they are redrawn only when they change.
let drawnPoints = null;
function renderOutput() {
  paint($("heatmap"), state.output, state.outputSize, settings.discretize === "true");
  const drawing = [points, settings.showTestData];
  if (drawnPoints && drawnPoints[0] === drawing[0] && drawnPoints[1] === drawing[1]) return;
  drawnPoints = drawing;
  const canvas = $("points"), context = canvas.getContext("2d");
  context.clearRect(0, 0, canvas.width, canvas.height);
  const scale = (v) => ((v + 6) / 12) * canvas.width;
  const draw = (list, stroke) => {
    for (const [x, y, label] of list) {
      const [r, g, b] = colour(label);
      context.fillStyle = `rgb(${r},${g},${b})`;
      context.strokeStyle = stroke;
      context.beginPath();
      context.arc(scale(x), canvas.height - scale(y), 3.5, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
  };
  draw(points.train, "#fff");
  if (settings.showTestData === "true") draw(points.test, "#000");
}

function wireControls() {
  for (const id of ["learningRate", "activation", "regularization", "regularizationRate", "problem", "loss", "optimizer"]) {
    $(id).onchange = () => set(id, $(id).value);
  }
  for (const id of ["percTrainData", "noise", "batchSize"]) {
    $(id).oninput = () => { $(id + "-value").textContent = $(id).value; };
    $(id).onchange = () => set(id, $(id).value);
  }
  $("stopEpoch").onchange = () => set("stopEpoch", $("stopEpoch").value);
  $("showTestData").onchange = () => set("showTestData", $("showTestData").checked);
  $("discretize").onchange = () => set("discretize", $("discretize").checked);
  $("play-pause").onclick = () => send({ type: state && state.playing ? "pause" : "play" });
  $("step").onclick = () => send({ type: "step" });
  $("reset").onclick = () => send({ type: "reset" });
  $("regenerate").onclick = () => send({ type: "regenerate" });
  $("add-layer").onclick = () => {
    const shape = settings.networkShape ? settings.networkShape.split(",").map(Number) : [];
    if (shape.length < 6) changeShape([...shape, 2]);
  };
  $("remove-layer").onclick = () => {
    const shape = settings.networkShape ? settings.networkShape.split(",").map(Number) : [];
    changeShape(shape.slice(0, -1));
  };
  $("points").onclick = (event) => {
    const box = event.target.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * 12 - 6;
    const y = 6 - ((event.clientY - box.top) / box.height) * 12;
    send({ type: "addPoint", x, y, label: Number($("point-label").value) });
  };
  $("csv-file").onchange = async () => {
    const file = $("csv-file").files[0];
    if (!file) return;
    if (file.size > 1000000) {
      showMessage(`CSV: the file is ${file.size} bytes, at most 1000000 are accepted`);
    } else {
      showMessage("");
      send({ type: "uploadCSV", text: await file.text() });
    }
    $("csv-file").value = "";
  };
  window.addEventListener("hashchange", () => {
    const hash = location.hash.replace(/^#/, "");
    if (state && hash === state.hash) return;
    showMessage("");
    send({ type: "settings", hash });
  });
}

wireControls();
connect();
