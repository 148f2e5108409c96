// The partner network survey: copying the link, rows of the answer form, choosing a suggestion.
// Every part also works without JavaScript (the server adds rows; free entries need no choice).
"use strict";

(() => {
  // A "copy" button next to each field marked data-copy-label.
  function addCopyButton(field) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = field.dataset.copyLabel;
    button.addEventListener("click", () => {
      const done = () => {
        button.textContent = field.dataset.copiedLabel;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done);
      } else {
        field.select();
        document.execCommand("copy");
        done();
      }
    });
    field.after(button);
  }

  function rowsOf(form) {
    return form.querySelector("[data-survey-rows]");
  }

  // A "remove" button instead of the deletion checkbox, which it ticks.
  function enhanceRow(row) {
    const deletion = row.querySelector("[data-delete]");
    if (!deletion || row.querySelector("[data-remove-row]")) {
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.dataset.removeRow = "";
    button.textContent = deletion.dataset.removeLabel;
    deletion.hidden = true;
    deletion.after(button);
  }

  function addRow(button) {
    const form = button.form;
    const rows = rowsOf(form);
    const template = document.getElementById("survey-row-template");
    if (!rows || !template) {
      return false;
    }
    const prefix = rows.dataset.prefix;
    const total = form.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const maximum = form.querySelector(`input[name="${prefix}-MAX_NUM_FORMS"]`);
    const index = Number(total.value);
    if (maximum && index >= Number(maximum.value)) {
      return true;
    }
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    rows.insertAdjacentHTML("beforeend", html);
    const row = rows.lastElementChild;
    total.value = String(index + 1);
    enhanceRow(row);
    if (window.htmx) {
      window.htmx.process(row);
    }
    const first = row.querySelector("input[type=text]");
    if (first) {
      first.focus();
    }
    return true;
  }

  function removeRow(button) {
    const row = button.closest("[data-survey-row]");
    const checkbox = row.querySelector("[data-delete] input[type=checkbox]");
    if (checkbox) {
      checkbox.checked = true;
    }
    row.hidden = true;
  }

  function choose(button) {
    const row = button.closest("[data-survey-row]");
    if (!row) {
      return;
    }
    const hidden = row.querySelector('input[type=hidden][name$="-organisation"]');
    const name = row.querySelector("[data-organisation-name]");
    const city = row.querySelector('input[name$="-city"]');
    hidden.value = button.dataset.id;
    name.value = button.dataset.name;
    if (city) {
      city.value = button.dataset.city;
    }
    row.querySelector("[data-chosen]").hidden = false;
    row.querySelector(".suggestions").innerHTML = "";
    const closeness = row.querySelector('select[name$="-closeness"]');
    if (closeness) {
      closeness.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    const add = target.closest("[data-add-row]");
    if (add && addRow(add)) {
      event.preventDefault();
      return;
    }
    const remove = target.closest("[data-remove-row]");
    if (remove) {
      removeRow(remove);
      return;
    }
    const suggestion = target.closest("[data-suggestion]");
    if (suggestion) {
      choose(suggestion);
    }
  });

  // Typing over a chosen organisation makes the row a free entry again.
  document.addEventListener("input", (event) => {
    const name = event.target.closest("[data-organisation-name]");
    if (!name) {
      return;
    }
    const row = name.closest("[data-survey-row]");
    const hidden = row.querySelector('input[type=hidden][name$="-organisation"]');
    if (hidden && hidden.value) {
      hidden.value = "";
      row.querySelector("[data-chosen]").hidden = true;
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-copy-label]").forEach(addCopyButton);
    document.querySelectorAll("[data-survey-rows] [data-survey-row]").forEach(enhanceRow);
  });
})();
