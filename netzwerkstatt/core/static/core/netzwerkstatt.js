// Small progressive enhancements; every page also works without JavaScript.
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) {
    field.form.requestSubmit();
  }
});

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});

// Menus of the main navigation: one open at a time, closed by a click elsewhere or Escape.
document.addEventListener("click", (event) => {
  document.querySelectorAll("details.navgroup[open]").forEach((menu) => {
    if (!menu.contains(event.target)) {
      menu.removeAttribute("open");
    }
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    document.querySelectorAll("details.navgroup[open]").forEach((menu) => menu.removeAttribute("open"));
  }
});

// Charts: <canvas data-chart="ID"> takes its configuration from the json_script element ID.
function drawCharts(root) {
  if (!window.Chart) {
    return;
  }
  root.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (source && !canvas.dataset.drawn) {
      new window.Chart(canvas, JSON.parse(source.textContent));
      canvas.dataset.drawn = "true";
    }
  });
}

document.addEventListener("DOMContentLoaded", () => drawCharts(document));
document.addEventListener("htmx:afterSettle", (event) => drawCharts(event.target));
