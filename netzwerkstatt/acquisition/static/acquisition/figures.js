// The acquisition figures (acquisition/figures.html): each bar's tooltip also shows the
// counts behind it ("3 of 5"), taken from the dataset's `counts`, so small numbers are
// not over-read. core/netzwerkstatt.js draws the charts after this file has run.
"use strict";

if (window.Chart) {
  window.Chart.defaults.plugins.tooltip.callbacks.afterLabel = (item) => {
    const counts = item.dataset.counts;
    return counts && counts[item.dataIndex] ? counts[item.dataIndex] : "";
  };
}
