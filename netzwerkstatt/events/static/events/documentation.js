// Documentation page: a search field above long lists of people to link to a photo.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".people-choices").forEach((list) => {
    const options = Array.from(list.querySelectorAll("label"));
    if (options.length < 8) {
      return;
    }
    const form = list.closest("form");
    const label = (form && form.dataset.peopleFilter) || "";
    const search = document.createElement("input");
    search.type = "search";
    search.className = "people-filter";
    search.placeholder = label;
    search.setAttribute("aria-label", label);
    search.addEventListener("input", () => {
      const text = search.value.trim().toLocaleLowerCase();
      options.forEach((label) => {
        const row = label.closest("div") || label;
        row.hidden = text !== "" && !label.textContent.toLocaleLowerCase().includes(text);
      });
    });
    list.before(search);
  });
});
