// Events: copy invitation links, select all persons on a page, search the check-in list.
// Every page also works without JavaScript.
"use strict";

// The same folding as the server's search (contacts/normalise.fold): "Müller" finds "Mueller".
function fold(text) {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  if (!field) {
    return;
  }
  field.select();
  const done = () => {
    button.textContent = button.dataset.copied || button.textContent;
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done);
  } else {
    document.execCommand("copy");
    done();
  }
});

document.addEventListener("change", (event) => {
  const all = event.target.closest("[data-check-all]");
  if (!all || !all.form) {
    return;
  }
  all.form.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`).forEach((box) => {
    box.checked = all.checked;
  });
});

function filterCheckin(input) {
  const list = document.querySelector(input.dataset.checkinSearch);
  if (!list) {
    return;
  }
  const words = fold(input.value).split(" ").filter(Boolean);
  let shown = 0;
  list.querySelectorAll("[data-search]").forEach((row) => {
    const match = words.every((word) => row.dataset.search.includes(word));
    row.hidden = !match;
    shown += match ? 1 : 0;
  });
  const none = document.querySelector("[data-checkin-none]");
  if (none) {
    none.hidden = shown > 0;
  }
}

document.addEventListener("input", (event) => {
  const input = event.target.closest("[data-checkin-search]");
  if (input) {
    filterCheckin(input);
  }
});

// After a check-in the search box is cleared and focused again, ready for the next person.
document.addEventListener("htmx:afterSwap", (event) => {
  const input = document.querySelector("[data-checkin-search]");
  const source = event.detail && event.detail.elt;
  if (input && source && source.closest(".checkin-row")) {
    if (input.value) {
      input.value = "";
      filterCheckin(input);
    }
    input.focus();
  }
});
