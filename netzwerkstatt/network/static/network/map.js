// The network map: Cytoscape.js draws the elements that network:map_data returns for the
// filters of the form; the same contacts are listed as links below the map.
"use strict";

(() => {
  const source = document.getElementById("map-config");
  const container = document.getElementById("map-canvas");
  const form = document.getElementById("map-filters");
  if (!source || !container || !form || !window.cytoscape) {
    return;
  }
  const config = JSON.parse(source.textContent);
  const labels = config.labels;
  const status = document.getElementById("map-status");
  const list = document.getElementById("map-list");
  const teamColour = config.legend.find((entry) => entry.kind === "team").colour;
  let cy = null;
  let request = 0;

  const fill = (text, values) =>
    text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));
  const language = document.documentElement.lang || "de";
  const number = (value) => value.toLocaleString(language);
  const plural = new Intl.PluralRules(language);
  // A count in its form ("1 tie", "3 ties"): the labels hold one text per plural category.
  const counted = (forms, count) =>
    fill(forms[plural.select(count)] || forms.other, { count: number(count) });

  // The legend's swatches take their colours from the same table as the map.
  document.querySelectorAll(".map-swatch[data-colour]").forEach((swatch) => {
    if (swatch.classList.contains("map-swatch-team")) {
      swatch.style.borderColor = swatch.dataset.colour;
    } else {
      swatch.style.backgroundColor = swatch.dataset.colour;
    }
  });

  function styles() {
    return [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          width: "data(size)",
          height: "data(size)",
          label: "data(label)",
          "font-size": 10,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
          "min-zoomed-font-size": 8,
          color: "#1c2430",
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      { selector: "node[type = 'person']", style: { shape: "ellipse" } },
      { selector: "node[type = 'organisation']", style: { shape: "round-rectangle" } },
      { selector: "node[?team]", style: { "border-width": 4, "border-color": teamColour } },
      {
        selector: "node[?centre]",
        style: { "border-width": 5, "border-style": "double", "border-color": "#1c2430" },
      },
      {
        selector: "edge",
        style: {
          width: "mapData(strength, 1, 5, 0.5, 4)",
          "line-color": "#9aa5b1",
          "curve-style": "bezier",
          opacity: 0.8,
        },
      },
      { selector: "edge[kind = 'employment']", style: { "line-style": "dashed" } },
      {
        selector: "edge[?directed]",
        style: { "target-arrow-shape": "triangle", "target-arrow-color": "#9aa5b1" },
      },
      { selector: "node:selected", style: { "overlay-opacity": 0.15 } },
    ];
  }

  function layout(data) {
    // Small maps are laid out here (cose, force-directed); for larger ones the server sends
    // positions, as cose compares every pair of nodes in the browser's main thread.
    if (data.layout === "preset") {
      return { name: "preset", fit: true, padding: 30 };
    }
    return {
      name: "cose",
      animate: false,
      randomize: true,
      fit: true,
      padding: 30,
      coolingFactor: data.shown.nodes > 150 ? 0.95 : 0.99,
      nodeRepulsion: () => 8000,
      idealEdgeLength: () => 60,
    };
  }

  function query() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "q" && value !== "") {
        params.append(name, value);
      }
    }
    return params.toString();
  }

  function draw(data) {
    const elements = [...data.elements.nodes, ...data.elements.edges];
    if (cy === null) {
      cy = window.cytoscape({
        container,
        style: styles(),
        minZoom: 0.05,
        maxZoom: 4,
      });
      cy.on("tap", "node", (event) => {
        window.location.href = event.target.data("url");
      });
      container.cytoscape = cy; // for the browser test
    }
    cy.elements().remove();
    cy.add(elements);
    const run = cy.layout(layout(data));
    // The counts say "drawn" only once the nodes stand where they will stay.
    run.one("layoutstop", () => {
      container.dataset.nodes = String(data.shown.nodes);
      container.dataset.edges = String(data.shown.edges);
      container.dataset.centre = data.centre;
    });
    run.run();
  }

  function describe(data) {
    const counts = fill(labels.status, {
      contacts: counted(labels.contacts, data.shown.nodes),
      ties: counted(labels.ties, data.shown.edges),
    });
    status.textContent = data.message ? `${counts} ${data.message}` : counts;
    const items = document.createElement("ul");
    items.className = "map-list";
    const nodes = [...data.elements.nodes].sort((a, b) => b.data.size - a.data.size);
    for (const node of nodes) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = node.data.url;
      link.textContent = node.data.label;
      item.append(link);
      const entry = config.legend.find((legendEntry) => legendEntry.kind === node.data.kind);
      const details = [entry ? entry.label : "", counted(labels.ties, node.data.degree)];
      if (node.data.team) {
        details.push(labels.team);
      }
      item.append(` (${details.filter(Boolean).join(", ")})`);
      items.append(item);
    }
    list.replaceChildren(items);
  }

  function remember(params) {
    document.querySelectorAll("a[data-export]").forEach((link) => {
      link.href = params ? `${link.dataset.export}?${params}` : link.dataset.export;
    });
    window.history.replaceState(null, "", params ? `?${params}` : window.location.pathname);
  }

  async function load() {
    const params = query();
    const current = ++request;
    status.textContent = labels.loading;
    container.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(`${config.dataUrl}?${params}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const data = await response.json();
      if (current !== request) {
        return; // a newer request is on its way
      }
      draw(data);
      describe(data);
      remember(params);
    } catch (error) {
      status.textContent = labels.error;
    } finally {
      container.removeAttribute("aria-busy");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  form.addEventListener("change", (event) => {
    if (event.target.name !== "q") {
      load();
    }
  });

  const fit = document.getElementById("map-fit");
  fit.hidden = false;
  fit.addEventListener("click", () => cy && cy.fit(undefined, 30));

  const png = document.getElementById("map-png");
  png.hidden = false;
  png.addEventListener("click", () => {
    if (!cy) {
      return;
    }
    const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${labels.file}.png`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  load();
})();
